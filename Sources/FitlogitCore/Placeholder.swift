public enum FitlogitCorePlaceholder {}
