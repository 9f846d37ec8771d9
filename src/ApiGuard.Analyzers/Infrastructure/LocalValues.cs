using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.Infrastructure;

/// <summary>
/// What a local holds: the value it is declared with, and whether anything may assign it again. Answered from the body's
/// <see cref="LocalIndex"/>, so that every question about the locals of a body costs one walk of it in all.
/// </summary>
internal static class LocalValues
{
    /// <summary>The initializer of the local's declaration, or null when it has none (a loop, pattern, catch or <c>out</c> variable).</summary>
    public static IOperation? DeclaredValue(ILocalReferenceOperation reference) => LocalIndex.Of(reference).UsesOf(reference.Local)?.Initializer;

    /// <summary>
    /// Whether the local may hold anything but its declared value: it is assigned again (<c>=</c>, compound, deconstruction,
    /// <c>++</c>/<c>--</c>) or passed by <c>ref</c>/<c>out</c>, or it has no initializer to begin with.
    /// </summary>
    public static bool IsReassigned(ILocalReferenceOperation reference)
        => LocalIndex.Of(reference).UsesOf(reference.Local) is not { Initializer: not null, Reassigned: false };
}
