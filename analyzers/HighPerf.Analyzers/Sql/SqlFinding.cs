namespace HighPerf.Analyzers.Sql;

/// <summary>
/// One problem found in a statement. <paramref name="Start"/> and <paramref name="Length"/> are offsets into the
/// SQL text given to <see cref="SqlChecker.Check"/>; <paramref name="MessageArgs"/> match the rule's descriptor.
/// </summary>
internal readonly record struct SqlFinding(string RuleId, int Start, int Length, string[] MessageArgs);
