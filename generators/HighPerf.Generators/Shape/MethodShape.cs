using System.Collections.Generic;
using System.Linq;
using System.Threading;
using HighPerf.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HighPerf.Generators.Shape;

/// <summary>
/// The method-model rules, in one place: decides whether an annotated method can get a generated body and
/// finds its implementation method. The generator emits only when <see cref="Problems"/> is empty; the
/// usage analyzer reports every problem. Both call this, so they cannot disagree.
/// </summary>
internal sealed class MethodShape
{
    private MethodShape(IMethodSymbol method) => Method = method;

    public IMethodSymbol Method { get; }

    public List<ShapeProblem> Problems { get; } = [];

    public ReturnKind ReturnKind { get; private set; }

    public ITypeSymbol? ResultType { get; private set; }

    public string ImplementationName { get; private set; } = "";

    public IMethodSymbol? Implementation { get; private set; }

    /// <summary>The implementation of a <c>[Cached]</c> method returns <c>Cacheable&lt;T&gt;</c> (per-result control).</summary>
    public bool ImplementationReturnsCacheable { get; private set; }

    public bool CanGenerate => Problems.Count == 0;

    public static MethodShape Analyze(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var shape = new MethodShape(method);
        Location? where = method.Locations.FirstOrDefault();

        shape.CheckDeclaration(where);
        shape.CheckContainingTypes(cancellationToken);

        if (method.IsGenericMethod)
        {
            shape.Problems.Add(new ShapeProblem(ShapeProblemKind.GenericMethod, where, method.Name));
        }

        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.None)
            {
                shape.Problems.Add(new ShapeProblem(
                    ShapeProblemKind.ByRefParameter, parameter.Locations.FirstOrDefault() ?? where, parameter.Name, RefKindText(parameter.RefKind)));
            }
        }

        if (ReturnShape.TryClassify(method, out ReturnKind kind, out ITypeSymbol? resultType))
        {
            shape.ReturnKind = kind;
            shape.ResultType = resultType;
        }
        else
        {
            string byRef = method.ReturnsByRefReadonly ? "ref readonly " : method.ReturnsByRef ? "ref " : "";
            shape.Problems.Add(new ShapeProblem(
                ShapeProblemKind.UnsupportedReturnType, where, byRef + method.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
        }

        shape.FindImplementation(where);
        return shape;
    }

    private void CheckDeclaration(Location? where)
    {
        if (Method.PartialDefinitionPart is not null)
        {
            // The attribute sits on an implementing part the user wrote.
            Problems.Add(new ShapeProblem(ShapeProblemKind.ImplementationWrittenByHand, where, Method.Name));
        }
        else if (!Method.IsPartialDefinition)
        {
            Problems.Add(new ShapeProblem(ShapeProblemKind.NotPartialDeclaration, where, Method.Name));
        }
        else if (Method.PartialImplementationPart is { } implementation && !GeneratedCodeMarker.IsOurs(implementation))
        {
            Problems.Add(new ShapeProblem(
                ShapeProblemKind.ImplementationWrittenByHand, implementation.Locations.FirstOrDefault() ?? where, Method.Name));
        }
    }

    private void CheckContainingTypes(CancellationToken cancellationToken)
    {
        for (INamedTypeSymbol? type = Method.ContainingType; type is not null; type = type.ContainingType)
        {
            Location? typeLocation = type.Locations.FirstOrDefault();
            if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
            {
                Problems.Add(new ShapeProblem(ShapeProblemKind.UnsupportedContainingType, typeLocation, type.Name, type.TypeKind.ToString().ToLowerInvariant()));
                continue;
            }

            bool isPartial = type.DeclaringSyntaxReferences.Any(reference =>
                reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration &&
                declaration.Modifiers.Any(SyntaxKind.PartialKeyword));
            if (!isPartial)
            {
                Problems.Add(new ShapeProblem(ShapeProblemKind.ContainingTypeNotPartial, typeLocation, type.Name));
            }
        }
    }

    private void FindImplementation(Location? where)
    {
        var names = StageAttributes.ImplementationNames(Method);
        if (names.Count > 1)
        {
            Problems.Add(new ShapeProblem(ShapeProblemKind.ConflictingImplementationNames, where, Method.Name, string.Join(", ", names)));
            return;
        }

        ImplementationName = names.Count == 1 ? names[0] : Method.Name + KnownNames.ImplementationSuffix;
        var candidates = Method.ContainingType.GetMembers(ImplementationName)
            .OfType<IMethodSymbol>()
            .Where(candidate => !SymbolEqualityComparer.Default.Equals(candidate, Method))
            .ToList();

        bool allowCacheable = StageAttributes.Find(Method, KnownNames.CachedAttribute) is not null;
        Implementation = candidates.FirstOrDefault(candidate => ImplementationSignature.Matches(Method, candidate, allowCacheable));
        if (Implementation is not null)
        {
            ImplementationReturnsCacheable = allowCacheable && ImplementationSignature.ReturnsCacheable(Method, Implementation);
            return;
        }

        string expected = ImplementationSignature.Describe(Method, ImplementationName);
        Problems.Add(candidates.Count == 0
            ? new ShapeProblem(ShapeProblemKind.ImplementationMissing, where, Method.Name, ImplementationName, expected)
            : new ShapeProblem(ShapeProblemKind.ImplementationSignatureMismatch, candidates[0].Locations.FirstOrDefault() ?? where, ImplementationName, Method.Name, expected));
    }

    private static string RefKindText(RefKind kind) => kind switch
    {
        RefKind.Out => "out",
        RefKind.In => "in",
        RefKind.RefReadOnlyParameter => "ref readonly",
        _ => "ref",
    };
}
