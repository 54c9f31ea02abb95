using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using HighPerf.Analyzers.Sql;
using HighPerf.Analyzers.SqlAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace HighPerf.CodeFixes.Sql;

/// <summary>
/// HP1001: replaces <c>*</c> or <c>alias.*</c> with the table's columns, read from the project's <c>.sql</c>
/// AdditionalFiles. Offered only when the star sits inside a literal and every table it covers is in the schema.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SelectStarCodeFixProvider))]
[Shared]
public sealed class SelectStarCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(SqlRuleIds.SelectStar);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var span = context.Diagnostics[0].Location.SourceSpan;
        if (await SqlLiteralLocator.FindAsync(context.Document, span, context.CancellationToken).ConfigureAwait(false) is not { } located)
        {
            return;
        }

        var schema = SqlSchemaCache.Shared.GetSchema(context.Document.Project.AnalyzerOptions.AdditionalFiles, context.CancellationToken);
        if (!SelectStarExpansion.TryExpand(located.Sql, located.SqlOffset, schema, out var start, out var length, out var columns)
            || start != located.SqlOffset
            || length != span.Length)
        {
            return;
        }

        var source = await context.Document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);

        // The diagnostic span must read exactly as the SQL it stands for (no escape sequence inside it).
        if (source.ToString(span) != located.Sql.Substring(start, length))
        {
            return;
        }

        var replacement = SqlLiteralLocator.EscapeFor(located.Token, columns);
        context.RegisterCodeFix(
            CodeAction.Create(
                "List the selected columns",
                _ => Task.FromResult(context.Document.WithText(source.Replace(span, replacement))),
                equivalenceKey: nameof(SelectStarCodeFixProvider)),
            context.Diagnostics[0]);
    }
}
