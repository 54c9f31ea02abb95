using System.Collections.Concurrent;
using System.Collections.Immutable;
using HighPerf.Analyzers.Diagnostics;
using HighPerf.Generators;
using HighPerf.Generators.Shape;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HighPerf.Analyzers.Caching;

/// <summary>
/// The JSON metadata of distributed [Cached] methods: HP0112 (the <c>[CacheJsonContext]</c> in force does not cover the
/// value type), HP0113 (none is in force), HP0116 (the attribute names something that is not a context).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CacheJsonContextAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.CachedTypeNotInJsonContext,
        DiagnosticDescriptors.CachedWithoutJsonContext,
        DiagnosticDescriptors.CacheJsonContextNotAContext);

    public override void Initialize(AnalysisContext context)
    {
        // Partial methods whose implementing part we generate count as generated code (see CachedMethodAnalyzer).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypeByMetadataName(KnownNames.CacheJsonContextAttribute) is not { } attributeType)
            {
                return;
            }

            // One walk per context and compilation, shared by every method that names it.
            var coverage = new ConcurrentDictionary<INamedTypeSymbol, JsonContextCoverage>(SymbolEqualityComparer.Default);
            start.RegisterSymbolAction(symbol => AnalyzeMethod(symbol, coverage), SymbolKind.Method);
            start.RegisterSyntaxNodeAction(node => AnalyzeAttribute(node, attributeType), SyntaxKind.Attribute);
        });
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, ConcurrentDictionary<INamedTypeSymbol, JsonContextCoverage> coverage)
    {
        if (context.Symbol is not IMethodSymbol { PartialDefinitionPart: null } method ||
            StageAttributes.Find(method, KnownNames.CachedAttribute) is not { } cached ||
            !AttributeArguments.Bool(cached, "Distributed", true) ||
            !ReturnShape.TryClassify(method, out _, out ITypeSymbol? valueType) || valueType is null)
        {
            return;
        }

        Location location = ValueTypeLocation(method, context.CancellationToken);
        string valueName = DisplayName(valueType);
        if (CacheJsonContextLookup.FindNearest(method) is not { } attribute)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CachedWithoutJsonContext, location,
                method.Name, valueName, method.ContainingType.Name));
            return;
        }

        // An attribute naming no usable context is HP0116's, reported on the attribute itself.
        if (CacheJsonContextLookup.ContextType(attribute) is not { } contextType || !CacheJsonContextLookup.IsUsableContext(contextType))
        {
            return;
        }

        if (!coverage.GetOrAdd(contextType, JsonContextCoverage.Of).Covers(valueType))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CachedTypeNotInJsonContext, location,
                method.Name, valueName, contextType.Name));
        }
    }

    private static void AnalyzeAttribute(SyntaxNodeAnalysisContext context, INamedTypeSymbol attributeType)
    {
        var attribute = (AttributeSyntax)context.Node;
        if (attribute.ArgumentList is not { Arguments.Count: 1 } arguments ||
            context.SemanticModel.GetSymbolInfo(attribute, context.CancellationToken).Symbol is not IMethodSymbol constructor ||
            !SymbolEqualityComparer.Default.Equals(constructor.ContainingType, attributeType))
        {
            return;
        }

        ExpressionSyntax argument = arguments.Arguments[0].Expression;
        ITypeSymbol? named = argument is TypeOfExpressionSyntax typeOf
            ? context.SemanticModel.GetTypeInfo(typeOf.Type, context.CancellationToken).Type
            : null;
        if (named is IErrorTypeSymbol || CacheJsonContextLookup.IsUsableContext(named as INamedTypeSymbol))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CacheJsonContextNotAContext, argument.GetLocation(),
            named?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) ?? argument.ToString()));
    }

    /// <summary>As <c>typeof</c> takes it: reference nullability dropped (the JSON generator ignores it), <c>long?</c> kept.</summary>
    internal static string DisplayName(ITypeSymbol type) =>
        (type.IsReferenceType ? type.WithNullableAnnotation(NullableAnnotation.NotAnnotated) : type)
            .ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

    /// <summary>The return type as written (the fix and the reader look there), else the method name.</summary>
    private static Location ValueTypeLocation(IMethodSymbol method, System.Threading.CancellationToken cancellationToken)
    {
        foreach (SyntaxReference reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax declaration)
            {
                return declaration.ReturnType.GetLocation();
            }
        }

        return method.Locations.Length > 0 ? method.Locations[0] : Location.None;
    }
}
