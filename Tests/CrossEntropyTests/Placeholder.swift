import Testing
@testable import CrossEntropy
