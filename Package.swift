// swift-tools-version:6.0
// fitlogit: logistic regression and cross-entropy, as scikit-learn,
// statsmodels and Keras compute them. No package dependencies, by design.
//
// Data flows one way, and so do the arrows below:
//
//   bytes ─ FitlogitData ─▶ Dataset ─ FitlogitCore ─▶ LogisticModel
//                                         │ (objective)      │
//                                FitlogitOptimization        ├─▶ FitlogitInference
//                                   (L-BFGS, Newton)         ├─▶ FitlogitCrossEntropy
//                                                            └─▶ FitlogitFigures
//   FitlogitCLI reads arguments, calls the modules above, writes files.
//
// FitlogitSystem is the one shim over libc and libm that every module uses.
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
      ]),
  ],
  dependencies: [],
  targets: [
    // libc and libm behind one file: math functions, the mapped file, cores.
    .target(name: "FitlogitSystem"),
    // Bytes → records → numbers → Dataset: CSV, the float parser. Knows
    // nothing of logistic regression.
    .target(name: "FitlogitData", dependencies: ["FitlogitSystem"]),
    // Optimizers that see only an objective: L-BFGS, gradient descent, Newton.
    .target(name: "FitlogitOptimization"),
    // The logistic objective, the fitted model, fitting.
    .target(
      name: "FitlogitCore",
      dependencies: ["FitlogitData", "FitlogitOptimization", "FitlogitSystem"]),
    // The metrics: log loss under every convention, entropy, KL.
    .target(name: "FitlogitCrossEntropy"),
    // Statistical inference for unpenalized fits (statsmodels' summary).
    .target(
      name: "FitlogitInference",
      dependencies: ["FitlogitCore", "FitlogitData", "FitlogitOptimization"]),
    // SVG figures and the HTML report, from plain [Double].
    .target(name: "FitlogitFigures"),
    // Arguments, commands, file I/O and error text.
    .target(
      name: "FitlogitCLI",
      dependencies: [
        "FitlogitData", "FitlogitCore", "FitlogitOptimization",
        "FitlogitCrossEntropy", "FitlogitFigures", "FitlogitInference",
        "FitlogitSystem",
      ]),
    .executableTarget(name: "fitlogit", dependencies: ["FitlogitCLI"]),
    // libFuzzer targets for the parsers (scripts/fuzz.sh), or a replayer.
    .executableTarget(
      name: "fitlogit-fuzz",
      dependencies: ["FitlogitCLI", "FitlogitData", "FitlogitCore"]),
    // Timings of parse, objective and fit (scripts/bench.sh; BENCHMARKS.md).
    .executableTarget(
      name: "fitlogit-bench",
      dependencies: ["FitlogitData", "FitlogitCore", "FitlogitOptimization"]),

    // Seeded generator, golden files and data paths, shared by every test.
    .target(name: "FitlogitTestSupport", path: "Tests/FitlogitTestSupport"),
    .testTarget(
      name: "FitlogitCrossEntropyTests",
      dependencies: ["FitlogitCrossEntropy", "FitlogitTestSupport"],
      exclude: ["Golden"]),
    .testTarget(
      name: "FitlogitOptimizationTests", dependencies: ["FitlogitOptimization", "FitlogitTestSupport"]),
    .testTarget(
      name: "FitlogitDataTests",
      dependencies: ["FitlogitData", "FitlogitSystem", "FitlogitTestSupport"]),
    .testTarget(
      name: "FitlogitCoreTests",
      dependencies: ["FitlogitCore", "FitlogitData", "FitlogitTestSupport"],
      exclude: ["Golden"]),
    .testTarget(
      name: "FitlogitInferenceTests",
      dependencies: [
        "FitlogitInference", "FitlogitCore", "FitlogitData",
        "FitlogitTestSupport",
      ],
      exclude: ["Golden"]),
    .testTarget(
      name: "FitlogitFiguresTests", dependencies: ["FitlogitFigures"],
      exclude: ["Golden"]),
    .testTarget(
      name: "FitlogitCLITests",
      dependencies: ["FitlogitCLI", "FitlogitTestSupport"]),
  ]
)
