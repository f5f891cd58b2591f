import Testing
@testable import FitlogitCore
