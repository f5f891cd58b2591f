# R's side of Tests/FitlogitInferenceTests/Golden/inference.json, run by
# scripts/make_inference_golden.py (needs r-base-core, r-cran-sandwich,
# r-cran-brglm2, r-cran-mass). Prints one line per number list:
#   dataset<TAB>key<TAB>v1 v2 ...  (17 significant digits)
suppressPackageStartupMessages({library(sandwich); library(brglm2); library(MASS)})
args <- commandArgs(trailingOnly = TRUE)
root <- args[1]
out <- function(ds, key, v) {
  cat(ds, "\t", key, "\t", paste(sprintf("%.17g", as.numeric(v)), collapse = " "), "\n", sep = "")
}
cases <- list(
  list(file = "spector.csv", formula = GRADE ~ GPA + TUCE + PSI, groups = NULL, profile = TRUE),
  list(file = "infert.csv", formula = case ~ age + parity + induced + spontaneous,
       groups = "stratum", profile = TRUE),
  list(file = "mtcars.csv", formula = am ~ hp + wt, groups = "cyl", profile = TRUE),
  list(file = "separated.csv", formula = y ~ x1 + x2, groups = NULL, profile = FALSE)
)
for (c in cases) {
  d <- read.csv(file.path(root, "data", c$file))
  # Tight tolerances: glm's default (1e-8 on the deviance) leaves ~1e-5
  # relative in the errors, more than the 1e-6 the tests ask.
  m <- suppressWarnings(glm(c$formula, family = binomial, data = d,
                            control = glm.control(epsilon = 1e-14, maxit = 100)))
  ds <- c$file
  out(ds, "glm_coef", coef(m))
  for (t in c("HC0", "HC1", "HC2", "HC3")) out(ds, paste0("vcovHC_", t), vcovHC(m, type = t))
  if (!is.null(c$groups)) {
    out(ds, "vcovCL_HC1", vcovCL(m, cluster = d[[c$groups]], type = "HC1"))
  }
  f <- glm(c$formula, family = binomial, data = d, method = "brglmFit", type = "AS_mean",
           control = brglmControl(epsilon = 1e-14, maxit = 500))
  out(ds, "firth_coef", coef(f))
  out(ds, "firth_bse", sqrt(diag(vcov(f))))
  out(ds, "firth_loglik", logLik(f))
  if (c$profile) {
    for (a in c(0.05, 0.1)) {
      ci <- suppressMessages(confint(m, level = 1 - a))
      out(ds, paste0("profile_ci_", a), t(ci))  # lower, upper per parameter
    }
  }
}
# Nested models: anova(m0, m1, test = "Chisq") on spector.
d <- read.csv(file.path(root, "data", "spector.csv"))
tight <- glm.control(epsilon = 1e-14, maxit = 100)
m0 <- glm(GRADE ~ GPA, family = binomial, data = d, control = tight)
m1 <- glm(GRADE ~ GPA + TUCE + PSI, family = binomial, data = d, control = tight)
a <- anova(m0, m1, test = "Chisq")
out("spector.csv", "anova_lr", c(a$Deviance[2], a$Df[2], a[["Pr(>Chi)"]][2]))
# More nested pairs (make_inference_golden.py's NESTED): anova_lr_<small>,
# "1" for the intercept-only model.
nested <- list(
  list(file = "spector.csv", small = GRADE ~ 1, big = GRADE ~ GPA + TUCE + PSI),
  list(file = "infert.csv", small = case ~ age + parity,
       big = case ~ age + parity + induced + spontaneous),
  list(file = "mtcars.csv", small = am ~ hp, big = am ~ hp + wt)
)
for (c in nested) {
  d <- read.csv(file.path(root, "data", c$file))
  m0 <- glm(c$small, family = binomial, data = d, control = tight)
  m1 <- glm(c$big, family = binomial, data = d, control = tight)
  a <- anova(m0, m1, test = "Chisq")
  key <- paste0("anova_lr_", paste(deparse(c$small[[3]]), collapse = ""))
  out(c$file, gsub(" ", "", key), c(a$Deviance[2], a$Df[2], a[["Pr(>Chi)"]][2]))
}
# A course's table: titanic with R's treatment coding, complete cases (as
# `fitlogit summary --dropna`), coefficients in fitlogit's order (numeric
# columns first): profile intervals and the LR test of passengerClass.
d <- read.csv(file.path(root, "data", "titanic.csv"))
d <- d[complete.cases(d[c("survived", "sex", "age", "passengerClass")]), ]
d$survived <- as.integer(d$survived == "yes")
m1 <- glm(survived ~ age + sex + passengerClass, family = binomial, data = d, control = tight)
m0 <- glm(survived ~ age + sex, family = binomial, data = d, control = tight)
out("titanic.csv", "glm_coef", coef(m1))
out("titanic.csv", "profile_ci_0.05", t(suppressMessages(confint(m1))))
a <- anova(m0, m1, test = "Chisq")
out("titanic.csv", "anova_lr_age+sex", c(a$Deviance[2], a$Df[2], a[["Pr(>Chi)"]][2]))
