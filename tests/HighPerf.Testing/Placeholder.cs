namespace HighPerf.Testing; internal static class Placeholder { }
