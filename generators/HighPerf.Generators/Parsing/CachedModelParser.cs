using System.Collections.Generic;
using System.Linq;
using HighPerf.Generators.Model;
using HighPerf.Generators.Shape;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HighPerf.Generators.Parsing;

/// <summary>Turns a generatable <see cref="CachedShape"/> into a <see cref="CachedModel"/> of plain strings.</summary>
internal static class CachedModelParser
{
    /// <returns>Null when the method's types name an invalid <c>[CacheJsonContext]</c> (the analyzer reports it).</returns>
    public static CachedModel? Parse(CachedShape shape, MethodShape methodShape, ReturnKind kind, bool hasInvalidateApi)
    {
        IMethodSymbol method = shape.Method;
        var keyParts = new List<CacheKeyPartModel>();
        foreach (IParameterSymbol parameter in shape.KeyParameters)
        {
            string name = MethodModelParser.Escape(parameter.Name);
            keyParts.Add(new CacheKeyPartModel(Type(parameter.Type), name, parameter.Name, name, IsMember: false, Format(parameter.Type)));
        }

        foreach (ISymbol member in shape.KeyMembers)
        {
            ITypeSymbol type = member is IFieldSymbol field ? field.Type : ((IPropertySymbol)member).Type;
            string access = (member.IsStatic ? "" : "this.") + MethodModelParser.Escape(member.Name);
            keyParts.Add(new CacheKeyPartModel(Type(type), "This_" + member.Name, member.Name, access, IsMember: true, Format(type)));
        }

        // Async methods get the shared run's token through the factory; a synchronous factory has none, so the
        // caller's token travels with the other non-key arguments.
        bool isAsync = kind is not (ReturnKind.Value or ReturnKind.Void);
        List<string> carried = method.Parameters
            .Where(p => !CachedShape.IsKeyParameter(p) && !(isAsync && TypeNames.Is(p.Type, KnownNames.CancellationToken)))
            .Select(p => MethodModelParser.Escape(p.Name))
            .ToList();

        bool keyIsStatic = method.IsStatic || shape.KeyMembers.TrueForAll(m => m.IsStatic);

        JsonContextModel? jsonContext = null;
        if (shape.Distributed && CacheJsonContextLookup.FindOnTypes(method) is { } contextAttribute)
        {
            jsonContext = JsonContext(contextAttribute);
            if (jsonContext.IsInvalid)
            {
                return null;
            }
        }

        return new CachedModel(
            MethodNameExpression: MethodNameExpression(method),
            KeyParts: keyParts.ToEquatableArray(),
            CarriedParameters: carried.ToEquatableArray(),
            ImplementationReturnsCacheable: methodShape.ImplementationReturnsCacheable,
            ApiModifiers: Accessibility(method.DeclaredAccessibility) + (keyIsStatic ? " static" : ""),
            Policy: shape.Policy,
            Distributed: shape.Distributed,
            Tags: shape.Tags.ToEquatableArray(),
            KeyIsStatic: keyIsStatic,
            HasInvalidateApi: hasInvalidateApi,
            JsonContext: jsonContext);
    }

    /// <summary>The context a <c>[CacheJsonContext]</c> names, as data.</summary>
    public static JsonContextModel JsonContext(AttributeData attribute)
    {
        INamedTypeSymbol? type = CacheJsonContextLookup.ContextType(attribute);
        return CacheJsonContextLookup.IsUsableContext(type)
            ? new JsonContextModel(Type(type!), IsInvalid: false)
            : new JsonContextModel(null, IsInvalid: true);
    }

    /// <summary>
    /// <c>Namespace.Type.Method</c>, unique per process. Each closed generic containing type has its own static cache,
    /// so its name includes the type arguments, known only at run time (<c>typeof</c> is trim- and AOT-safe).
    /// </summary>
    private static string MethodNameExpression(IMethodSymbol method)
    {
        string suffix = "." + MethodModelParser.MemberSuffix(method);
        INamedTypeSymbol type = method.ContainingType;
        bool generic = false;
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
        {
            generic |= t.TypeParameters.Length > 0;
        }

        if (!generic)
        {
            string name = type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) + suffix;
            return SymbolDisplay.FormatLiteral(name, quote: true);
        }

        return $"typeof({type.ToDisplayString(MethodModelParser.FullyQualified)}).ToString() + {SymbolDisplay.FormatLiteral(suffix, quote: true)}";
    }

    private static string Type(ITypeSymbol type) => type.ToDisplayString(MethodModelParser.FullyQualified);

    private static CacheKeyFormat Format(ITypeSymbol type)
    {
        ITypeSymbol underlying = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : type;
        if (underlying.SpecialType == SpecialType.System_String)
        {
            return CacheKeyFormat.Text;
        }

        return underlying.SpecialType == SpecialType.System_DateTime || TypeNames.Is(underlying, "System.DateTimeOffset")
            ? CacheKeyFormat.RoundTrip
            : CacheKeyFormat.Invariant;
    }

    private static string Accessibility(Accessibility accessibility) => accessibility switch
    {
        Microsoft.CodeAnalysis.Accessibility.Public => "public",
        Microsoft.CodeAnalysis.Accessibility.Internal => "internal",
        Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
        Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => "protected internal",
        Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };
}
