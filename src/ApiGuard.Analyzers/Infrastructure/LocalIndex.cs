using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.Infrastructure;

/// <summary>
/// The locals of one body (a method, an accessor, a whole top-level <c>Program.cs</c>), indexed in a single walk and shared by every
/// rule and callback that asks about the same body: where a local is initialized, whether anything may assign it again, and every
/// reference to it. Rules that asked "is this local reassigned?" by walking the body once per local were quadratic in the size of
/// the body.
/// </summary>
/// <remarks>
/// Keyed by the root operation of the body. The analyzer driver hands every analyzer the same operation tree of a body, so one
/// index serves them all; it goes away with the tree.
/// </remarks>
internal sealed class LocalIndex
{
    private static readonly ConditionalWeakTable<IOperation, LocalIndex> Cache = new();

    private readonly Dictionary<ILocalSymbol, LocalUses> _uses = new(SymbolEqualityComparer.Default);

    private LocalIndex(IOperation root)
    {
        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator:
                    Get(declarator.Symbol).Initializer = declarator.GetVariableInitializer()?.Value;
                    break;
                case IAssignmentOperation { Target: ILocalReferenceOperation target }:
                    Get(target.Local).Reassigned = true;
                    break;
                case IIncrementOrDecrementOperation { Target: ILocalReferenceOperation target }:
                    Get(target.Local).Reassigned = true;
                    break;
                case IArgumentOperation { Parameter.RefKind: not RefKind.None and not RefKind.In, Value: ILocalReferenceOperation byRef }:
                    Get(byRef.Local).Reassigned = true;
                    break;
                case IDeconstructionAssignmentOperation deconstruction:
                    foreach (var target in deconstruction.Target.DescendantsAndSelf().OfType<ILocalReferenceOperation>())
                    {
                        Get(target.Local).Reassigned = true;
                    }

                    break;
            }

            if (operation is ILocalReferenceOperation reference)
            {
                Get(reference.Local).References.Add(reference);
            }
        }
    }

    /// <summary>The index of the body that holds <paramref name="anywhere"/>, built on first use.</summary>
    public static LocalIndex Of(IOperation anywhere) => Cache.GetValue(RootOf(anywhere), static r => new LocalIndex(r));

    /// <summary>The outermost operation of the body <paramref name="operation"/> is in (a method, a top-level program, an initializer).</summary>
    public static IOperation RootOf(IOperation operation)
    {
        var root = operation;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        return root;
    }

    /// <summary>How <paramref name="local"/> is used in this body; null when the body never mentions it.</summary>
    public LocalUses? UsesOf(ILocalSymbol local) => _uses.TryGetValue(local, out var uses) ? uses : null;

    private LocalUses Get(ILocalSymbol symbol)
    {
        if (!_uses.TryGetValue(symbol, out var found))
        {
            _uses[symbol] = found = new LocalUses();
        }

        return found;
    }
}

/// <summary>How a local is used in one body (see <see cref="LocalIndex"/>).</summary>
internal sealed class LocalUses
{
    /// <summary>The value of its declaration, if it has one.</summary>
    public IOperation? Initializer { get; set; }

    /// <summary>Whether anything may give it another value: an assignment (simple, compound, deconstruction), <c>++</c>/<c>--</c>, or a <c>ref</c>/<c>out</c> argument.</summary>
    public bool Reassigned { get; set; }

    /// <summary>Every reference to it, in tree order (assignment targets included).</summary>
    public List<ILocalReferenceOperation> References { get; } = new();
}
