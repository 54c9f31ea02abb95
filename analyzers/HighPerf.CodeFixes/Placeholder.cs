namespace HighPerf.CodeFixes; internal static class Placeholder { }
