public enum FitlogitCLI {
  public static func main() -> Int32 { 0 }
}
