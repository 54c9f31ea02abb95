using System.Collections.Generic;
using System.Linq;
using System.Text;
using HighPerf.Generators.Model;
using HighPerf.Generators.Shape;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HighPerf.Generators.Parsing;

/// <summary>Turns a valid <see cref="MethodShape"/> into a <see cref="MethodModel"/> of plain strings.</summary>
internal static class MethodModelParser
{
    public static readonly SymbolDisplayFormat FullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly SymbolDisplayFormat TypeNameWithParameters = new(
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    public static MethodModel Parse(MethodShape shape, MethodDeclarationSyntax declaration)
    {
        IMethodSymbol method = shape.Method;
        INamedTypeSymbol containingType = method.ContainingType;

        string memberSuffix = MemberSuffix(method);
        string typeMetadataPath = TypeNames.FullMetadataName(containingType);

        return new MethodModel(
            Namespace: containingType.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : "",
            ContainingTypes: ContainingTypes(containingType),
            Modifiers: string.Join(" ", declaration.Modifiers.Where(m => !m.IsKind(SyntaxKind.PartialKeyword)).Select(m => m.Text)),
            ReturnType: method.ReturnsVoid ? "void" : method.ReturnType.ToDisplayString(FullyQualified),
            ReturnKind: shape.ReturnKind,
            ResultType: shape.ResultType?.ToDisplayString(FullyQualified),
            Name: Escape(method.Name),
            Parameters: method.Parameters.Select(ToModel).ToEquatableArray(),
            IsStatic: method.IsStatic,
            ImplementationName: Escape(shape.ImplementationName),
            DisplayName: containingType.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) + "." + method.Name,
            MemberSuffix: memberSuffix,
            HintName: Sanitize(typeMetadataPath + "." + memberSuffix) + ".g.cs");
    }

    private static EquatableArray<ContainingTypeModel> ContainingTypes(INamedTypeSymbol innermost)
    {
        var chain = new List<ContainingTypeModel>();
        for (INamedTypeSymbol? type = innermost; type is not null; type = type.ContainingType)
        {
            string keyword = (type.IsRecord, type.TypeKind) switch
            {
                (true, TypeKind.Struct) => "record struct",
                (true, _) => "record",
                (false, TypeKind.Struct) => "struct",
                _ => "class",
            };
            if (type.TypeKind == TypeKind.Struct && type.IsRefLikeType)
            {
                keyword = "ref partial " + keyword;
            }
            else
            {
                keyword = "partial " + keyword;
            }

            if (type.TypeKind == TypeKind.Struct && type.IsReadOnly)
            {
                keyword = "readonly " + keyword;
            }

            chain.Add(new ContainingTypeModel(keyword, type.ToDisplayString(TypeNameWithParameters), type.IsStatic));
        }

        chain.Reverse();
        return chain.ToEquatableArray();
    }

    private static ParameterModel ToModel(IParameterSymbol parameter) => new(
        parameter.Type.ToDisplayString(FullyQualified),
        Escape(parameter.Name),
        parameter.IsParams,
        IsThis: parameter.Ordinal == 0 && parameter.ContainingSymbol is IMethodSymbol { IsExtensionMethod: true },
        TypeNames.Is(parameter.Type, "System.Threading.CancellationToken"));

    /// <summary>The method's name, plus a hash of its parameter types when it has overloads: names its generated members.</summary>
    public static string MemberSuffix(IMethodSymbol method) => method.Name + OverloadSuffix(method);

    public static string Escape(string identifier) =>
        SyntaxFacts.IsReservedKeyword(SyntaxFacts.GetKeywordKind(identifier)) ? "@" + identifier : identifier;

    /// <summary>Overloads need distinct member and file names; a hash of the parameter types keeps them stable.</summary>
    private static string OverloadSuffix(IMethodSymbol method)
    {
        int sameName = method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>().Count();
        if (sameName < 2)
        {
            return "";
        }

        uint hash = 2166136261;
        foreach (char c in string.Join(",", method.Parameters.Select(p => p.Type.ToDisplayString(FullyQualified))))
        {
            hash = (hash ^ c) * 16777619;
        }

        return "_" + hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Sanitize(string hintName)
    {
        var builder = new StringBuilder(hintName.Length);
        foreach (char c in hintName)
        {
            builder.Append(char.IsLetterOrDigit(c) || c is '.' or '_' ? c : '_');
        }

        return builder.ToString();
    }
}
