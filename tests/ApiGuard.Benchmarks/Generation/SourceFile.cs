namespace ApiGuard.Benchmarks.Generation;

/// <summary>One generated C# file: a project-relative path and its text.</summary>
public sealed record SourceFile(string Path, string Text);
