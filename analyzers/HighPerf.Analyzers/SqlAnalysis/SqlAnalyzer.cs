using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HighPerf.Analyzers.SqlAnalysis;

/// <summary>
/// Checks the PostgreSQL text sent through Dapper, Npgsql and <c>[StringSyntax("PostgreSQL")]</c> parameters
/// (HP1001-HP1011). The schema comes from the <c>.sql</c> AdditionalFiles and is parsed lazily, once per distinct
/// set of files; a compilation that references none of the SQL APIs registers nothing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SqlAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => SqlRuleDescriptors.All;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = SqlKnownTypes.Create(start.Compilation);
            if (!types.CanHaveCallSites)
            {
                return;
            }

            var analyzer = new SqlCallSiteAnalyzer(types, start.Options.AdditionalFiles, SqlSchemaCache.Shared);
            start.RegisterOperationAction(
                analyzer.Analyze,
                OperationKind.Invocation,
                OperationKind.ObjectCreation,
                OperationKind.SimpleAssignment);
        });
    }
}
