import FitlogitCLI
import FitlogitSystem

exitProcess(FitlogitCLI.runMain())
