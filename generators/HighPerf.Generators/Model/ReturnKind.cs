namespace HighPerf.Generators.Model;

/// <summary>The return shapes the pipeline supports; each gets its own completion path.</summary>
internal enum ReturnKind
{
    Void,
    Value,
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}
