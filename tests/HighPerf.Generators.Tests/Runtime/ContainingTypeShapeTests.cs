using HighPerf.Diagnostics;
using HighPerf.Generators.Tests.Infrastructure;
using HighPerf.Generators.Tests.TestClasses;

namespace HighPerf.Generators.Tests.Runtime;

[Collection(MetricsCollection.Name)]
public sealed class ContainingTypeShapeTests : IDisposable
{
    private const string Prefix = "HighPerf.Generators.Tests.TestClasses.TrackedShapes.";
    private readonly RecordingMeterListener _metrics = new();

    public void Dispose() => _metrics.Dispose();

    [Fact]
    public void GenericNestedClass_IsTrackedUnderItsGenericName()
    {
        var repository = new TrackedShapes.Repository<string>();

        Assert.Equal(1, repository.Store("a"));
        Assert.Equal(2, repository.Store("b"));

        Assert.Equal(2, _metrics.For(Prefix + "Repository<TItem>.Store").Count(m => m.Instrument == HighPerfDiagnostics.MethodCalls));
    }

    [Fact]
    public void StructInstanceMethod_MutatesTheSameStruct()
    {
        var cursor = new TrackedShapes.Repository<string>.Cursor();

        cursor.Advance(2);
        cursor.Advance(3);

        Assert.Equal(5, cursor.Position);
    }

    [Fact]
    public void RecordWithParamsArgument_PassesEveryArgumentThrough()
    {
        var invoice = new TrackedShapes.Invoice(100m);

        Assert.Equal(123m, invoice.Gross(0.2m, 1m, 2m));
    }

    [Fact]
    public void KeywordParameterAndDefaultValue_Work()
    {
        Assert.Equal("x,", TrackedShapes.Join("x"));
    }

    [Fact]
    public void ExtensionMethod_KeepsItsReceiver()
    {
        Assert.Equal(42, 21.Twice());
        Assert.Single(_metrics.For(Prefix + "Twice"), m => m.Instrument == HighPerfDiagnostics.MethodDuration);
    }

    [Fact]
    public void Overloads_EachGetTheirOwnGeneratedBody()
    {
        Assert.Equal(7, TrackedShapes.Overloaded(7));
        Assert.Equal(3, TrackedShapes.Overloaded("abc"));

        Assert.Equal(2, _metrics.For(Prefix + "Overloaded").Count(m => m.Instrument == HighPerfDiagnostics.MethodDuration));
    }
}
