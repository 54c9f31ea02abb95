namespace HighPerf.Generators;
internal static class Placeholder { }
