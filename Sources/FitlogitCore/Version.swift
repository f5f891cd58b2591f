/// fitlogit's version: what a saved model records as "fitlogit" and what
/// `fitlogit --version` prints.
package let fitlogitVersion = "0.1.0"
