namespace HighPerf.Generators.Model;

/// <summary>
/// The annotated partial method as plain data: everything needed to write its implementing part.
/// </summary>
/// <remarks>
/// Pipeline models must keep value equality so unchanged methods stay cached: only strings, bools, enums,
/// records and <see cref="EquatableArray{T}"/> here — never symbols, syntax, locations or arrays.
/// </remarks>
internal sealed record MethodModel(
    string Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string Modifiers,
    string ReturnType,
    ReturnKind ReturnKind,
    string? ResultType,
    string Name,
    EquatableArray<ParameterModel> Parameters,
    bool IsStatic,
    string ImplementationName,
    string DisplayName,
    string MemberSuffix,
    string HintName);
