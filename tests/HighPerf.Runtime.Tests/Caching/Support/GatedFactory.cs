using HighPerf.Caching;

namespace HighPerf.Runtime.Tests.Caching.Support;

/// <summary>A factory that blocks until released, records the token it was given and counts its runs.</summary>
public sealed class GatedFactory
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<CancellationToken> _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Completes with the factory's token once the first run has started.</summary>
    public Task<CancellationToken> Entered => _entered.Task;

    public Exception? FailWith { get; set; }

    public void Release() => _gate.TrySetResult();

    public static readonly Func<GatedFactory, ProductKey, CancellationToken, ValueTask<Cacheable<string>>> Async =
        static (factory, key, token) => factory.RunAsync(key, token);

    private async ValueTask<Cacheable<string>> RunAsync(ProductKey key, CancellationToken token)
    {
        int call = Interlocked.Increment(ref _calls);
        _entered.TrySetResult(token);
        await _gate.Task.WaitAsync(token);
        if (FailWith is { } exception)
        {
            throw exception;
        }

        return Cacheable.Of(CountingFactory.Expected(key.Id, call));
    }
}
