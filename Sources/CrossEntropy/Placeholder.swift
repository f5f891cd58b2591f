public enum CrossEntropyPlaceholder {}
