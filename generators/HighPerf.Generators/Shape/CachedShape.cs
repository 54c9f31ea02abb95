using System.Collections.Generic;
using System.Linq;
using System.Threading;
using HighPerf.Generators.Model;
using Microsoft.CodeAnalysis;

namespace HighPerf.Generators.Shape;

/// <summary>
/// The <c>[Cached]</c> rules, in one place like <see cref="MethodShape"/>: the key (parameters minus CancellationTokens
/// and [NotCacheKey], plus <c>KeyMembers</c>), the tag templates and the policy, with every problem found. The
/// generator emits only when <see cref="CanGenerate"/>; the caching analyzer reports <see cref="Problems"/>.
/// </summary>
internal sealed class CachedShape
{
    private CachedShape(IMethodSymbol method, AttributeData attribute)
    {
        Method = method;
        Attribute = attribute;
    }

    public IMethodSymbol Method { get; }

    public AttributeData Attribute { get; }

    public List<CacheProblem> Problems { get; } = [];

    public List<IParameterSymbol> KeyParameters { get; } = [];

    /// <summary>The <c>KeyMembers</c>, resolved to fields or properties readable from the method.</summary>
    public List<ISymbol> KeyMembers { get; } = [];

    public List<string> Tags { get; } = [];

    public CachePolicyModel Policy { get; private set; } = null!;

    public bool Distributed { get; private set; }

    public bool CanGenerate => Problems.TrueForAll(problem => problem.IsWarning);

    public static CachedShape Analyze(IMethodSymbol method, AttributeData attribute, CancellationToken cancellationToken)
    {
        var shape = new CachedShape(method, attribute);
        Location? where = method.Locations.FirstOrDefault();

        if (StageAttributes.Find(method, KnownNames.InvalidatesCacheAttribute) is not null)
        {
            shape.Problems.Add(new CacheProblem(CacheProblemKind.CachedAndInvalidatesOnOneMethod, where, method.Name));
        }

        if (!method.IsStatic && method.ContainingType.TypeKind == TypeKind.Struct)
        {
            shape.Problems.Add(new CacheProblem(CacheProblemKind.StructInstanceMethod, where, method.Name, method.ContainingType.Name));
        }

        if (ReturnShape.TryClassify(method, out _, out ITypeSymbol? resultType))
        {
            if (resultType is null)
            {
                string returnType = method.ReturnsVoid ? "void" : method.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
                shape.Problems.Add(new CacheProblem(CacheProblemKind.NoResult, where, method.Name, returnType));
            }
            else if (CacheKeyTypes.IsMutableCollection(resultType))
            {
                shape.Problems.Add(new CacheProblem(
                    CacheProblemKind.MutableCollectionResult, where, method.Name, resultType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
            }
        }

        shape.ReadKeyParameters();
        shape.ReadKeyMembers(cancellationToken);
        shape.ReadTags(cancellationToken);
        shape.ReadPolicy(cancellationToken);
        return shape;
    }

    /// <summary>The names tag templates may use: key parameters as declared, then key members.</summary>
    public IEnumerable<string> TemplateNames() => KeyParameters.Select(p => p.Name).Concat(KeyMembers.Select(m => m.Name));

    public static bool IsKeyParameter(IParameterSymbol parameter) =>
        !TypeNames.Is(parameter.Type, KnownNames.CancellationToken) &&
        !parameter.GetAttributes().Any(a => TypeNames.Is(a.AttributeClass, KnownNames.NotCacheKeyAttribute));

    private void ReadKeyParameters()
    {
        foreach (IParameterSymbol parameter in Method.Parameters)
        {
            if (!IsKeyParameter(parameter))
            {
                continue;
            }

            KeyParameters.Add(parameter);
            if (!CacheKeyTypes.HasValueEquality(parameter.Type))
            {
                Problems.Add(new CacheProblem(
                    CacheProblemKind.KeyWithoutValueEquality,
                    parameter.Locations.FirstOrDefault() ?? Method.Locations.FirstOrDefault(),
                    parameter.Name,
                    parameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
            }
        }
    }

    private void ReadKeyMembers(CancellationToken cancellationToken)
    {
        foreach (string? name in AttributeArguments.Strings(Attribute, "KeyMembers"))
        {
            ISymbol? member = name is null ? null : KeyMemberLookup.Find(Method, name);
            if (member is null)
            {
                Problems.Add(new CacheProblem(
                    CacheProblemKind.UnknownKeyMember,
                    AttributeArguments.Location(Attribute, "KeyMembers", Method.Locations.FirstOrDefault(), cancellationToken),
                    name ?? "null",
                    Method.ContainingType.Name,
                    Method.IsStatic ? "a static field or property" : "a field or property"));
                continue;
            }

            if (KeyMembers.Exists(m => m.Name == member.Name))
            {
                continue;
            }

            KeyMembers.Add(member);
            ITypeSymbol type = member is IFieldSymbol field ? field.Type : ((IPropertySymbol)member).Type;
            if (!CacheKeyTypes.HasValueEquality(type))
            {
                Problems.Add(new CacheProblem(
                    CacheProblemKind.KeyWithoutValueEquality,
                    AttributeArguments.Location(Attribute, "KeyMembers", Method.Locations.FirstOrDefault(), cancellationToken),
                    member.Name,
                    type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
            }
        }
    }

    private void ReadTags(CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(TemplateNames());
        foreach (string? template in AttributeArguments.Strings(Attribute, "Tags"))
        {
            string? error = template is null ? "a tag cannot be null" : TagTemplate.Validate(template, names);
            if (error is not null)
            {
                Problems.Add(new CacheProblem(
                    CacheProblemKind.BadTagTemplate,
                    AttributeArguments.Location(Attribute, "Tags", Method.Locations.FirstOrDefault(), cancellationToken),
                    template ?? "null",
                    error));
                continue;
            }

            Tags.Add(template!);
        }
    }

    private void ReadPolicy(CancellationToken cancellationToken)
    {
        Policy = new CachePolicyModel(
            DurationSeconds: Option("DurationSeconds", 300, min: 1, max: int.MaxValue, cancellationToken),
            SlidingSeconds: Option("SlidingSeconds", 0, min: 0, max: int.MaxValue, cancellationToken),
            MaxEntries: Option("MaxEntries", 0, min: 0, max: int.MaxValue, cancellationToken),
            JitterPercent: Option("JitterPercent", 0, min: 0, max: 100, cancellationToken),
            CacheNull: AttributeArguments.Bool(Attribute, "CacheNull", true),
            NegativeCacheSeconds: Option("NegativeCacheSeconds", 0, min: 0, max: int.MaxValue, cancellationToken),
            FailSafeSeconds: Option("FailSafeSeconds", 0, min: 0, max: int.MaxValue, cancellationToken),
            EagerRefreshPercent: Option("EagerRefreshPercent", 0, min: 0, max: 99, cancellationToken));
        Distributed = AttributeArguments.Bool(Attribute, "Distributed", true);
    }

    private int Option(string name, int defaultValue, int min, int max, CancellationToken cancellationToken)
    {
        int value = AttributeArguments.Int(Attribute, name, defaultValue);
        if (value < min || value > max)
        {
            string range = max == int.MaxValue ? $"at least {min}" : $"between {min} and {max}";
            Problems.Add(new CacheProblem(
                CacheProblemKind.InvalidOption,
                AttributeArguments.Location(Attribute, name, Method.Locations.FirstOrDefault(), cancellationToken),
                name,
                value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                range));
        }

        return value;
    }
}
