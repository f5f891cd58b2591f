import FitlogitCore
import FitlogitData

let x: [[Double]] = [[-2.2], [-1.4], [-0.8], [0.2], [0.4], [0.8], [1.2], [2.2], [2.9], [4.6]]
let y = ["0", "0", "1", "0", "1", "1", "1", "1", "1", "1"]
let data = try Dataset(features: x, labels: y, featureNames: ["x"])
let fit = LogisticRegression().fit(data)  // scikit-learn's defaults: L2, C = 1, lbfgs
print("coef_", fit.model.coef.values, "intercept_", fit.model.intercept)
try fit.save(to: "model.json")
let model = try LogisticModel(contentsOf: "model.json")
print("reloaded", model == fit.model, try model.predict(data.features).map { model.classes[$0] })
