using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HighPerf.Analyzers.SqlAnalysis;

/// <summary>
/// Checks the PostgreSQL text sent through Dapper, Npgsql and <c>[StringSyntax("PostgreSQL")]</c> parameters
/// (HP1001-HP1011). The schema comes from the <c>.sql</c> AdditionalFiles and is parsed lazily, once per distinct
/// set of files; a compilation that references none of the SQL APIs registers nothing. Call sites are found by a
/// syntax-only name filter first (<see cref="SqlCandidateFilter"/>), and only the few candidates are bound, so
/// method bodies without SQL are never bound on our behalf (an operation action would bind every one).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SqlAnalyzer : DiagnosticAnalyzer
{
    private readonly SqlSchemaCache schemaCache;

    public SqlAnalyzer()
        : this(SqlSchemaCache.Shared)
    {
    }

    /// <summary>Tests pass their own cache to observe how often the schema is parsed.</summary>
    internal SqlAnalyzer(SqlSchemaCache schemaCache) => this.schemaCache = schemaCache;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => SqlRuleDescriptors.All;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var types = SqlKnownTypes.Create(start.Compilation);
            if (!types.CanHaveCallSites)
            {
                return;
            }

            var filter = new SqlCandidateFilter(types, PostgreSqlMarkedNames.Collect(start.Compilation, start.CancellationToken));
            var analyzer = new SqlCallSiteAnalyzer(types, start.Options.AdditionalFiles, schemaCache);
            start.RegisterSyntaxNodeAction(
                node =>
                {
                    if (filter.IsCandidate(node.Node) && node.SemanticModel.GetOperation(node.Node, node.CancellationToken) is { } operation)
                    {
                        analyzer.Analyze(operation, node.ReportDiagnostic, node.CancellationToken);
                    }
                },
                SyntaxKind.InvocationExpression,
                SyntaxKind.ObjectCreationExpression,
                SyntaxKind.ImplicitObjectCreationExpression,
                SyntaxKind.SimpleAssignmentExpression);
        });
    }
}
