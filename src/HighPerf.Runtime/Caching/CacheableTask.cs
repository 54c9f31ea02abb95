using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace HighPerf.Caching;

/// <summary>
/// Adapts an implementation's plain result to the <see cref="Cacheable{T}"/> a cache factory returns. Called by
/// generated code on a miss only; allocation-free when the implementation completed synchronously.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CacheableTask
{
    public static ValueTask<Cacheable<T>> From<T>(ValueTask<T> pending) =>
        pending.IsCompletedSuccessfully ? new ValueTask<Cacheable<T>>(Cacheable.Of(pending.Result)) : AwaitValueTask(pending);

    public static ValueTask<Cacheable<T>> From<T>(Task<T> pending) =>
        pending.IsCompletedSuccessfully ? new ValueTask<Cacheable<T>>(Cacheable.Of(pending.Result)) : AwaitTask(pending);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<Cacheable<T>> AwaitValueTask<T>(ValueTask<T> pending) =>
        Cacheable.Of(await pending.ConfigureAwait(false));

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<Cacheable<T>> AwaitTask<T>(Task<T> pending) =>
        Cacheable.Of(await pending.ConfigureAwait(false));
}
