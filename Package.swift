// swift-tools-version:6.0
// fitlogit: logistic regression and cross-entropy, as scikit-learn,
// statsmodels and Keras compute them. No package dependencies, by design.
//
// Data flows one way, and so do the arrows below:
//
//   bytes ─ FitlogitData ─▶ Dataset ─ FitlogitCore ─▶ LogisticModel ─▶ model file
//                                         │ (objective)      │        (FitlogitJSON)
//                                FitlogitOptimization        ├─▶ FitlogitInference
//                                   (L-BFGS, Newton)         ├─▶ FitlogitCrossEntropy
//                                                            ├─▶ FitlogitMetrics
//                                                            └─▶ FitlogitFigures
//   (FitlogitMetrics and FitlogitFigures see only arrays, not the model.)
//   FitlogitModelSelection: NumPy's RandomState and scikit-learn's splits.
//   FitlogitCLI reads arguments, calls the modules above, writes files.
//   FitlogitKernels: the objective's vector loops and the number scanner in
//   C, under FitlogitCore and FitlogitData.
//
// FitlogitSystem is the one shim over libc and libm: a module that needs
// either imports it, never Glibc or Darwin. It also owns the one escaping
// of names for printing (printable, quoted), which every module's messages
// and the JSON writer use.
// Every module name starts with "Fitlogit", so the library can sit in any
// dependency graph beside packages that have an `Optimization` or `Figures`.
import PackageDescription

let package = Package(
  name: "fitlogit",
  products: [
    .executable(name: "fitlogit", targets: ["fitlogit"]),
    .library(
      name: "FitlogitKit",
      targets: [
        "FitlogitData", "FitlogitCore", "FitlogitOptimization",
        "FitlogitCrossEntropy", "FitlogitInference", "FitlogitFigures",
        "FitlogitMetrics", "FitlogitModelSelection",
      ]),
  ],
  dependencies: [],
  targets: [
    // libc and libm, a small file per job (Libm, MappedFile, Processors, ...).
    // Also which variant of the C kernels this CPU runs (KernelPath).
    .target(name: "FitlogitSystem", dependencies: ["FitlogitKernels"]),
    // The objective's hot loops and the CSV number scanner's fast path in C,
    // baseline and AVX2+FMA, chosen at startup from cpuid (KernelPath). Not a dependency: a
    // target of this package, like FitlogitSystem.
    .target(name: "FitlogitKernels"),
    // Bytes → records → numbers → Dataset: CSV, the float parser. Knows
    // nothing of logistic regression.
    .target(name: "FitlogitData", dependencies: ["FitlogitKernels", "FitlogitSystem"]),
    // JSON text, read and written: the model file and the --json reports.
    .target(name: "FitlogitJSON", dependencies: ["FitlogitSystem"]),
    // Optimizers that see only an objective: L-BFGS, gradient descent, Newton.
    .target(name: "FitlogitOptimization"),
    // The logistic objective, the fitted model, fitting, the model file.
    .target(
      name: "FitlogitCore",
      dependencies: [
        "FitlogitData", "FitlogitJSON", "FitlogitKernels", "FitlogitOptimization",
        "FitlogitSystem",
      ]),
    // The metrics: log loss under every convention, entropy, KL.
    .target(name: "FitlogitCrossEntropy", dependencies: ["FitlogitSystem"]),
    // sklearn.metrics on plain arrays: accuracy, ROC AUC, confusion matrix,
    // classification report... Knows nothing of models or files.
    .target(name: "FitlogitMetrics", dependencies: ["FitlogitSystem"]),
    // scikit-learn's model_selection: NumPy's legacy Mersenne Twister,
    // stratified train/test splits and folds, LogisticRegressionCV.
    .target(
      name: "FitlogitModelSelection",
      dependencies: ["FitlogitCore", "FitlogitData", "FitlogitMetrics", "FitlogitSystem"]),
    // Statistical inference for unpenalized fits (statsmodels' summary).
    .target(
      name: "FitlogitInference",
      dependencies: [
        "FitlogitCore", "FitlogitData", "FitlogitOptimization", "FitlogitSystem",
      ]),
    // SVG figures and the HTML report, from plain [Double].
    .target(name: "FitlogitFigures", dependencies: ["FitlogitSystem"]),
    // Arguments, commands, file I/O and error text.
    .target(
      name: "FitlogitCLI",
      dependencies: [
        "FitlogitData", "FitlogitCore", "FitlogitOptimization",
        "FitlogitCrossEntropy", "FitlogitFigures", "FitlogitInference", "FitlogitMetrics",
        "FitlogitModelSelection",
        "FitlogitJSON", "FitlogitSystem",
      ]),
    .executableTarget(name: "fitlogit", dependencies: ["FitlogitCLI", "FitlogitSystem"]),
    // Structured fuzz cases with their checks (model files under type
    // confusion, output paths), shared by fitlogit-fuzz and the seeded tests.
    .target(
      name: "FitlogitFuzzing", dependencies: ["FitlogitCLI", "FitlogitJSON", "FitlogitSystem"]),
    // libFuzzer targets for the parsers (scripts/fuzz.sh), or a replayer.
    .executableTarget(
      name: "fitlogit-fuzz",
      dependencies: [
        "FitlogitCLI", "FitlogitData", "FitlogitCore", "FitlogitFuzzing", "FitlogitSystem",
      ]),
    // The README's "Swift users" program, built and run by a test.
    .executableTarget(
      name: "fitlogit-example", dependencies: ["FitlogitCore", "FitlogitData"]),
    // Timings of parse, objective and fit (scripts/bench.sh; BENCHMARKS.md).
    .executableTarget(
      name: "fitlogit-bench",
      dependencies: [
        "FitlogitData", "FitlogitCore", "FitlogitOptimization", "FitlogitSystem",
      ]),

    // Seeded generator, golden files and data paths, shared by every test.
    .target(
      name: "FitlogitTestSupport", dependencies: ["FitlogitSystem"],
      path: "Tests/FitlogitTestSupport"),
    .testTarget(
      name: "FitlogitCrossEntropyTests",
      dependencies: ["FitlogitCrossEntropy", "FitlogitTestSupport"],
      exclude: ["Golden"]),
    .testTarget(
      name: "FitlogitOptimizationTests", dependencies: ["FitlogitOptimization"]),
    .testTarget(
      name: "FitlogitDataTests",
      dependencies: ["FitlogitData", "FitlogitKernels", "FitlogitSystem", "FitlogitTestSupport"]),
    .testTarget(
      name: "FitlogitCoreTests",
      dependencies: [
        "FitlogitCore", "FitlogitData", "FitlogitOptimization", "FitlogitSystem",
        "FitlogitTestSupport",
      ],
      exclude: ["Golden"]),
    .testTarget(
      name: "FitlogitInferenceTests",
      dependencies: [
        "FitlogitInference", "FitlogitCore", "FitlogitData",
        "FitlogitTestSupport",
      ],
      exclude: ["Golden"]),
    .testTarget(
      name: "FitlogitModelSelectionTests",
      dependencies: [
        "FitlogitModelSelection", "FitlogitCore", "FitlogitData", "FitlogitTestSupport",
      ],
      exclude: ["Golden"]),
    .testTarget(
      name: "FitlogitMetricsTests",
      dependencies: ["FitlogitMetrics", "FitlogitTestSupport"],
      exclude: ["Golden"]),
    .testTarget(
      name: "FitlogitFiguresTests", dependencies: ["FitlogitFigures", "FitlogitTestSupport"],
      exclude: ["Golden"]),
    .testTarget(
      name: "FitlogitCLITests",
      dependencies: [
        "FitlogitCLI", "FitlogitCore", "FitlogitData", "FitlogitFuzzing", "FitlogitSystem",
        "FitlogitTestSupport",
      ],
      exclude: ["Golden"]),
  ]
)
