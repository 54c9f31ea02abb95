namespace HighPerf.Generators.Model;

/// <summary>
/// One type in the chain that contains the annotated method, enough to re-declare it as <c>partial</c>:
/// e.g. <c>Keyword = "record struct"</c>, <c>NameWithTypeParameters = "Cache&lt;TKey&gt;"</c>.
/// </summary>
internal sealed record ContainingTypeModel(string Keyword, string NameWithTypeParameters, bool IsStatic);
