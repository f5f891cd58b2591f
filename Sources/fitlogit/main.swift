import FitlogitCLI
import Glibc

exit(FitlogitCLI.main())
