import Testing
@testable import FitlogitCLI
