using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using HighPerf.Analyzers.Diagnostics;
using HighPerf.Analyzers.Sql;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HighPerf.Analyzers.SqlAnalysis;

/// <summary>Per-compilation state of <see cref="SqlAnalyzer"/>: finds call sites and reports their findings.</summary>
internal sealed class SqlCallSiteAnalyzer
{
    private readonly SqlCallSiteFinder finder;
    private readonly SqlLoopDetector loopDetector;
    private readonly ImmutableArray<AdditionalText> additionalFiles;
    private readonly SqlSchemaCache schemaCache;
    private SqlSchema? schema;

    public SqlCallSiteAnalyzer(SqlKnownTypes types, ImmutableArray<AdditionalText> additionalFiles, SqlSchemaCache schemaCache)
    {
        finder = new SqlCallSiteFinder(types);
        loopDetector = new SqlLoopDetector(types);
        this.additionalFiles = additionalFiles;
        this.schemaCache = schemaCache;
    }

    public void Analyze(IOperation operation, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        if (!finder.TryFind(operation, out var callSite))
        {
            return;
        }

        if (callSite.ExecutesPerIteration && loopDetector.FindRepeatingConstruct(callSite.Operation) is not null)
        {
            report(Diagnostic.Create(
                DiagnosticDescriptors.SqlQueryInLoop, CallSiteNameLocation(callSite.Operation.Syntax), CallSiteName(callSite)));
        }

        var text = SqlTextBuilder.Build(callSite.Sql, cancellationToken);
        switch (text.Kind)
        {
            case SqlTextKind.Dynamic:
                ReportDynamic(report, callSite, text);
                break;
            case SqlTextKind.Constant:
                ReportFindings(report, callSite, text.Text!, text.Map!, cancellationToken);
                break;
        }
    }

    private static void ReportDynamic(Action<Diagnostic> report, SqlCallSite callSite, SqlText text)
    {
        var part = text.DynamicPart!;
        var location = part.SyntaxTree == callSite.Sql.Syntax.SyntaxTree ? part.GetLocation() : callSite.Sql.Syntax.GetLocation();
        report(Diagnostic.Create(DiagnosticDescriptors.SqlNonConstantText, location, DescribeValues(text.DynamicValues)));
    }

    private void ReportFindings(Action<Diagnostic> report, SqlCallSite callSite, string sql, SqlSourceMap map, CancellationToken cancellationToken)
    {
        var findings = new List<SqlFinding>();
        SqlChecker.Check(sql, Schema(cancellationToken), findings, cancellationToken);
        if (findings.Count == 0)
        {
            return;
        }

        var fallback = callSite.Sql.Syntax.GetLocation();
        foreach (var finding in findings)
        {
            if (SqlRuleDescriptors.Find(finding.RuleId) is { } descriptor)
            {
                var location = map.Map(finding.Start, finding.Length, fallback);
                report(Diagnostic.Create(descriptor, location, finding.MessageArgs));
            }
        }
    }

    // Built on first use, so a compilation without SQL call sites never reads its .sql files.
    private SqlSchema Schema(CancellationToken cancellationToken) =>
        Volatile.Read(ref schema) ?? Interlocked.CompareExchange(ref schema, schemaCache.GetSchema(additionalFiles, cancellationToken), null) ?? schema!;

    private static string CallSiteName(SqlCallSite callSite) => callSite.Operation.Syntax switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } => member.Name.Identifier.ValueText,
        InvocationExpressionSyntax { Expression: var expression } => expression.ToString(),
        BaseObjectCreationExpressionSyntax => "new " + callSite.Operation.Type?.Name,
        AssignmentExpressionSyntax { Left: var left } => left.ToString(),
        var other => other.ToString(),
    };

    private static Location CallSiteNameLocation(SyntaxNode syntax) => syntax switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } => member.Name.Identifier.GetLocation(),
        _ => syntax.GetLocation(),
    };

    private static string DescribeValues(IReadOnlyList<SyntaxNode> values)
    {
        const int MaxLength = 60;
        var builder = new StringBuilder();
        foreach (var value in values)
        {
            var shown = value.ToString();
            if (shown.Length > MaxLength)
            {
                shown = shown.Substring(0, MaxLength) + "...";
            }

            builder.Append(builder.Length == 0 ? string.Empty : ", ").Append(shown);
        }

        return builder.Length == 0 ? "a run-time value" : builder.ToString();
    }
}
