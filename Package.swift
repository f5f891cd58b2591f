// swift-tools-version:6.0
// fitlogit: logistic regression and cross-entropy, as scikit-learn,
// statsmodels and Keras compute them. No package dependencies, by design.
import PackageDescription

let package = Package(
  name: "fitlogit",
  products: [
    .executable(name: "fitlogit", targets: ["fitlogit"]),
    .library(
      name: "FitlogitKit",
      targets: [
        "CrossEntropy", "Optimization", "FitlogitCore", "Figures", "Inference",
      ]),
  ],
  dependencies: [],
  targets: [
    // The metrics: log loss under every convention, entropy, KL.
    .target(name: "CrossEntropy"),
    // Optimizers that see only an objective: L-BFGS, gradient descent.
    .target(name: "Optimization"),
    // Data (CSV, Dataset), the logistic objective, the fitted model.
    .target(
      name: "FitlogitCore", dependencies: ["Optimization", "CrossEntropy"]),
    // Statistical inference for unpenalized fits (statsmodels' summary).
    .target(name: "Inference", dependencies: ["FitlogitCore"]),
    // SVG figures and the HTML report, from plain [Double].
    .target(name: "Figures"),
    // Arguments, commands, file I/O and error text.
    .target(
      name: "FitlogitCLI",
      dependencies: ["FitlogitCore", "CrossEntropy", "Figures", "Inference"]),
    .executableTarget(name: "fitlogit", dependencies: ["FitlogitCLI"]),
    // libFuzzer targets for the parsers (scripts/fuzz.sh), or a replayer.
    .executableTarget(
      name: "fitlogit-fuzz", dependencies: ["FitlogitCLI", "FitlogitCore"]),
    // Timings of parse, objective and fit (scripts/bench.sh; BENCHMARKS.md).
    .executableTarget(
      name: "fitlogit-bench", dependencies: ["FitlogitCore", "Optimization"]),

    .testTarget(
      name: "CrossEntropyTests", dependencies: ["CrossEntropy"], exclude: ["Golden"]),
    .testTarget(name: "OptimizationTests", dependencies: ["Optimization"]),
    .testTarget(
      name: "FitlogitCoreTests", dependencies: ["FitlogitCore"],
      exclude: ["Golden"]),
    .testTarget(
      name: "InferenceTests", dependencies: ["Inference"], exclude: ["Golden"]),
    .testTarget(
      name: "FiguresTests", dependencies: ["Figures"], exclude: ["Golden"]),
    .testTarget(name: "FitlogitCLITests", dependencies: ["FitlogitCLI"]),
  ]
)
