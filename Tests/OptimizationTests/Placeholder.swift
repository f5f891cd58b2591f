import Testing
@testable import Optimization
