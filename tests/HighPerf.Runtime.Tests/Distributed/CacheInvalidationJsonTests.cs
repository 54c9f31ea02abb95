using System.Text;
using HighPerf.Caching.Distributed;
using HighPerf.Caching.Distributed.Backplane;
using Xunit;

namespace HighPerf.Runtime.Tests.Distributed;

public sealed class CacheInvalidationJsonTests
{
    public static TheoryData<CacheInvalidation> Messages => new()
    {
        new CacheInvalidation(CacheInvalidationKind.Key, "Shop.ProductService.GetProductAsync", "product:42", null, "web-1", 1764259200123),
        new CacheInvalidation(CacheInvalidationKind.Tag, string.Empty, null, "catalog", "web-2", 1),
        new CacheInvalidation(CacheInvalidationKind.Method, "Shop.ProductService.GetProductAsync", null, null, "web-3", 2),
        new CacheInvalidation(CacheInvalidationKind.Key, "M", "quote \" backslash \\ unicode é 💡", null, "n", 3),
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void WrittenMessage_ReadsBackEqual(CacheInvalidation message)
    {
        byte[] json = CacheInvalidationJson.Write(message);

        Assert.True(CacheInvalidationJson.TryRead(json, out var read, out var error), error);
        Assert.Equal(message, read);
    }

    [Fact]
    public void UnknownProperties_AreIgnored()
    {
        var json = """{"v":2,"kind":"tag","method":"","key":null,"tag":"t","node":"n","ts":5,"future":{"a":[1,2]}}""";

        Assert.True(CacheInvalidationJson.TryRead(Encoding.UTF8.GetBytes(json), out var read, out _));
        Assert.Equal(new CacheInvalidation(CacheInvalidationKind.Tag, string.Empty, null, "t", "n", 5), read);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"kind":"nope","node":"n"}""")]
    [InlineData("""{"kind":"key","method":"M","node":"n"}""")]
    [InlineData("""{"kind":"key","key":"k","node":"n"}""")]
    [InlineData("""{"kind":"tag","node":"n"}""")]
    [InlineData("""{"kind":"method","node":"n"}""")]
    [InlineData("""{"kind":"key","method":"M","key":"k"}""")]
    [InlineData("""{"kind":"key","method":"M","key":"k","node":"n","ts":"soon"}""")]
    [InlineData("""{"kind":"key","method":"M","key":"k","node":"n""")]
    public void PayloadThatIsNotOneOfOurs_IsRejectedWithAReason(string json)
    {
        Assert.False(CacheInvalidationJson.TryRead(Encoding.UTF8.GetBytes(json), out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
