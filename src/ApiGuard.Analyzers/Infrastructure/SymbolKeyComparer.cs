using Microsoft.CodeAnalysis;

namespace ApiGuard.Analyzers.Infrastructure;

/// <summary>Compares (symbol, value) keys of the per-compilation caches: the symbol by <see cref="SymbolEqualityComparer.Default"/>.</summary>
internal sealed class SymbolKeyComparer<TSymbol, TValue> : IEqualityComparer<(TSymbol Symbol, TValue Value)>
    where TSymbol : class, ISymbol
{
    public static readonly SymbolKeyComparer<TSymbol, TValue> Instance = new();

    public bool Equals((TSymbol Symbol, TValue Value) x, (TSymbol Symbol, TValue Value) y)
        => EqualityComparer<TValue>.Default.Equals(x.Value, y.Value) && SymbolEqualityComparer.Default.Equals(x.Symbol, y.Symbol);

    public int GetHashCode((TSymbol Symbol, TValue Value) obj)
        => (SymbolEqualityComparer.Default.GetHashCode(obj.Symbol) * 397) ^ EqualityComparer<TValue>.Default.GetHashCode(obj.Value!);
}
