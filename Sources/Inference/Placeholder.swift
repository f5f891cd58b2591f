public enum InferencePlaceholder {}
