using System.Threading;
using System.Threading.Tasks;
using ApiGuard.Analyzers.AppModel;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace ApiGuard.CodeFixes.Infrastructure;

/// <summary>
/// Carries out an insertion planned by <see cref="PipelineInsertion"/> (read from the diagnostic's properties and additional
/// location): puts statements before or after a statement of the app's entry body, into a branch of an environment guard, or
/// into a new <c>if (!env.IsDevelopment())</c> guard, adding the environment parameter to <c>Startup.Configure</c> when needed.
/// </summary>
internal static class PipelineInsertionFix
{
    /// <summary>Whether the diagnostic carries an insertion plan.</summary>
    public static bool HasPlan(Diagnostic diagnostic)
        => diagnostic.Properties.ContainsKey(PipelineInsertion.ModeKey) && diagnostic.Properties.ContainsKey(PipelineInsertion.LocationKey);

    /// <summary>The app expression the plan was made for (<c>app</c>).</summary>
    public static string App(Diagnostic diagnostic) => diagnostic.Properties.TryGetValue(PipelineInsertion.AppKey, out var app) && app is not null ? app : "app";

    /// <summary>
    /// Applies the plan with <paramref name="statements"/> (C# statement text, one per element). With <paramref name="otherBranch"/>,
    /// a guarded insertion also puts those statements on the guard's other branch (for example an exception handler outside Development).
    /// </summary>
    public static void Apply(DocumentEditor editor, SyntaxNode root, Diagnostic diagnostic, IReadOnlyList<string> statements, IReadOnlyList<string>? otherBranch = null)
    {
        if (!HasPlan(diagnostic)
            || !Enum.TryParse<InsertionMode>(diagnostic.Properties[PipelineInsertion.ModeKey], out var mode)
            || FindStatement(root, diagnostic, PipelineInsertion.LocationKey) is not { } target)
        {
            return;
        }

        var newLine = SyntaxText.NewLine(root);
        var parsed = statements.Select(s => Annotate(SyntaxFactory.ParseStatement(s + newLine))).ToList();
        var other = (otherBranch ?? Array.Empty<string>()).Select(s => Annotate(SyntaxFactory.ParseStatement(s + newLine))).ToList();
        switch (mode)
        {
            case InsertionMode.Before:
                if (diagnostic.Properties.TryGetValue(PipelineInsertion.ConditionKey, out var condition) && condition is not null)
                {
                    // A new guard block, followed by a blank line as in the templates.
                    var text = "if (" + condition + ")" + newLine + "{" + newLine + string.Concat(statements.Select(s => s + newLine)) + "}" + newLine;
                    if (otherBranch is { Count: > 0 })
                    {
                        text += "else" + newLine + "{" + newLine + string.Concat(otherBranch.Select(s => s + newLine)) + "}" + newLine;
                    }

                    var guard = SyntaxFactory.ParseStatement(text);
                    guard = guard.WithTrailingTrivia(guard.GetTrailingTrivia().Add(SyntaxFactory.EndOfLine(newLine)));
                    parsed = new List<StatementSyntax> { Annotate(guard) };
                }

                InsertBefore(editor, target, parsed);
                if (diagnostic.Properties.ContainsKey(PipelineInsertion.AddEnvironmentParameterKey))
                {
                    AddEnvironmentParameter(editor, target);
                }

                break;

            case InsertionMode.After:
                InsertAfter(editor, target, parsed);
                break;

            case InsertionMode.IntoTrue when target is IfStatementSyntax:
                editor.ReplaceNode(target, (current, _) =>
                {
                    var ifStatement = (IfStatementSyntax)current;
                    ifStatement = ifStatement.WithStatement(Append(ifStatement.Statement, parsed));
                    return other.Count == 0 ? ifStatement
                        : ifStatement.Else is null ? ifStatement.WithElse(Annotate(SyntaxFactory.ElseClause(SyntaxFactory.Block(other))))
                        : ifStatement.WithElse(ifStatement.Else.WithStatement(Append(ifStatement.Else.Statement, other)));
                });
                break;

            case InsertionMode.IntoElse when target is IfStatementSyntax:
                editor.ReplaceNode(target, (current, _) =>
                {
                    var ifStatement = (IfStatementSyntax)current;
                    if (ifStatement.Else is null)
                    {
                        return ifStatement;
                    }

                    ifStatement = ifStatement.WithElse(ifStatement.Else.WithStatement(Append(ifStatement.Else.Statement, parsed)));
                    return other.Count == 0 ? ifStatement : ifStatement.WithStatement(Append(ifStatement.Statement, other));
                });
                break;

            case InsertionMode.AddElse when target is IfStatementSyntax:
                editor.ReplaceNode(target, (current, _) =>
                {
                    var ifStatement = (IfStatementSyntax)current;
                    ifStatement = ifStatement.WithElse(Annotate(SyntaxFactory.ElseClause(SyntaxFactory.Block(parsed))));
                    return other.Count == 0 ? ifStatement : ifStatement.WithStatement(Append(ifStatement.Statement, other));
                });
                break;
        }
    }

    /// <summary>Whether the diagnostic carries a plan to insert a service registration (<see cref="PipelineInsertion.TryPlanServices"/>).</summary>
    public static bool HasServicesPlan(Diagnostic diagnostic)
        => diagnostic.Properties.ContainsKey(PipelineInsertion.ServicesModeKey) && diagnostic.Properties.ContainsKey(PipelineInsertion.ServicesLocationKey);

    /// <summary>The services expression the plan was made for (<c>builder.Services</c>, <c>services</c>).</summary>
    public static string Services(Diagnostic diagnostic)
        => diagnostic.Properties.TryGetValue(PipelineInsertion.ServicesKey, out var services) && services is not null ? services : "builder.Services";

    /// <summary>
    /// Applies the service registration plan with <paramref name="statements"/> (C# statement text written from column 0, one per
    /// element), indented to the insertion point.
    /// </summary>
    public static void ApplyServices(DocumentEditor editor, SyntaxNode root, Diagnostic diagnostic, IReadOnlyList<string> statements)
    {
        if (!HasServicesPlan(diagnostic)
            || !Enum.TryParse<ServicesInsertionMode>(diagnostic.Properties[PipelineInsertion.ServicesModeKey], out var mode)
            || FindNode(root, diagnostic, PipelineInsertion.ServicesLocationKey) is not { } target)
        {
            return;
        }

        var newLine = SyntaxText.NewLine(root);
        var indentation = mode == ServicesInsertionMode.After ? SyntaxText.IndentationOf(target) : SyntaxText.IndentationOf(target) + SyntaxText.IndentUnit;
        var parsed = statements
            .Select(s => Annotate(SyntaxFactory.ParseStatement(SyntaxText.Indent(s, indentation, newLine) + newLine)))
            .ToList();
        switch (mode)
        {
            case ServicesInsertionMode.After when target is StatementSyntax statement:
                InsertAfter(editor, statement, parsed);
                break;

            case ServicesInsertionMode.IntoEmptyBody when target is BlockSyntax block:
                editor.ReplaceNode(block, (current, _) => ((BlockSyntax)current).AddStatements(parsed.ToArray()));
                break;

            case ServicesInsertionMode.IntoExpressionBody when target is MethodDeclarationSyntax { ExpressionBody: not null } method:
                editor.ReplaceNode(method, (current, _) =>
                {
                    // The block is laid out by hand: the statements are already indented, and formatting the whole method would move them.
                    var declaration = (MethodDeclarationSyntax)current;
                    var outer = SyntaxFactory.Whitespace(SyntaxText.IndentationOf(method));
                    var eol = SyntaxFactory.EndOfLine(newLine);
                    var existing = SyntaxFactory.ExpressionStatement(declaration.ExpressionBody!.Expression.WithoutTrivia())
                        .WithLeadingTrivia(SyntaxFactory.Whitespace(indentation))
                        .WithTrailingTrivia(eol);
                    var body = SyntaxFactory.Block(
                        SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(outer).WithTrailingTrivia(eol),
                        SyntaxFactory.List(new StatementSyntax[] { existing }.Concat(parsed)),
                        SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(outer).WithTrailingTrivia(declaration.SemicolonToken.TrailingTrivia));
                    return declaration
                        .WithExpressionBody(null)
                        .WithSemicolonToken(default)
                        .WithParameterList(declaration.ParameterList.WithTrailingTrivia(eol))
                        .WithBody(body);
                });
                break;
        }
    }

    /// <summary>The node an additional location (whose index is in property <paramref name="key"/>) points at, matched by its exact span.</summary>
    public static SyntaxNode? FindNode(SyntaxNode root, Diagnostic diagnostic, string key)
    {
        if (!diagnostic.Properties.TryGetValue(key, out var indexText)
            || !int.TryParse(indexText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            || index >= diagnostic.AdditionalLocations.Count
            || diagnostic.AdditionalLocations[index].SourceTree != root.SyntaxTree)
        {
            return null;
        }

        var span = diagnostic.AdditionalLocations[index].SourceSpan;
        return root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf().FirstOrDefault(n => n.Span == span);
    }

    /// <summary>The statement an additional location (whose index is in property <paramref name="key"/>) points at.</summary>
    public static StatementSyntax? FindStatement(SyntaxNode root, Diagnostic diagnostic, string key)
    {
        if (!diagnostic.Properties.TryGetValue(key, out var indexText)
            || !int.TryParse(indexText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            || index >= diagnostic.AdditionalLocations.Count
            || diagnostic.AdditionalLocations[index].SourceTree != root.SyntaxTree)
        {
            return null;
        }

        var span = diagnostic.AdditionalLocations[index].SourceSpan;
        return root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<StatementSyntax>().FirstOrDefault(s => s.Span == span);
    }

    /// <summary>Removes a statement; an emptied top-level statement disappears with its line.</summary>
    public static void Remove(DocumentEditor editor, StatementSyntax statement)
    {
        editor.RemoveNode(statement.Parent is GlobalStatementSyntax global ? global : statement, SyntaxRemoveOptions.KeepNoTrivia);
    }

    private static void InsertBefore(DocumentEditor editor, StatementSyntax target, IReadOnlyList<StatementSyntax> statements)
    {
        if (target.Parent is GlobalStatementSyntax global)
        {
            editor.InsertBefore(global, statements.Select(s => Annotate(SyntaxFactory.GlobalStatement(s))));
        }
        else
        {
            editor.InsertBefore(target, statements);
        }
    }

    private static void InsertAfter(DocumentEditor editor, StatementSyntax target, IReadOnlyList<StatementSyntax> statements)
    {
        if (target.Parent is GlobalStatementSyntax global)
        {
            editor.InsertAfter(global, statements.Select(s => Annotate(SyntaxFactory.GlobalStatement(s))));
        }
        else
        {
            editor.InsertAfter(target, statements);
        }
    }

    private static BlockSyntax Append(StatementSyntax branch, IReadOnlyList<StatementSyntax> statements)
        => branch is BlockSyntax block
            ? block.AddStatements(statements.ToArray())
            : Annotate(SyntaxFactory.Block(new[] { branch.WithoutTrivia() }.Concat(statements)));

    /// <summary>Adds <c>IWebHostEnvironment env</c> to the method that holds <paramref name="statement"/> (Startup.Configure).</summary>
    public static void AddEnvironmentParameter(DocumentEditor editor, StatementSyntax statement)
    {
        if (statement.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method)
        {
            return;
        }

        editor.ReplaceNode(method, (current, _) =>
        {
            var declaration = (MethodDeclarationSyntax)current;
            var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(PipelineInsertion.EnvironmentParameterName))
                .WithType(SyntaxFactory.ParseTypeName("Microsoft.AspNetCore.Hosting.IWebHostEnvironment").WithAdditionalAnnotations(Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation));
            return declaration.AddParameterListParameters(parameter);
        });
    }

    private static T Annotate<T>(T node)
        where T : SyntaxNode
        => node.WithAdditionalAnnotations(Formatter.Annotation);
}
