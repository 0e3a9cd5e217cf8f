using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace IstioTutor.Core.Knowledge.Search;

/// <summary>Gives an all-lower-case token the lessons' camel-case spelling (see <see cref="IdentifierCase"/>), before it is split.</summary>
internal sealed class IdentifierCaseFilter : TokenFilter
{
    private readonly IdentifierCase _case;
    private readonly ICharTermAttribute _term;

    public IdentifierCaseFilter(TokenStream input, IdentifierCase identifierCase)
        : base(input)
    {
        _case = identifierCase;
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var word = _term.Buffer.AsSpan(0, _term.Length);
        if (!word.ContainsAnyInRange('A', 'Z') && _case.Restore(word) is { } spelled)
        {
            _term.SetEmpty().Append(spelled);
        }

        return true;
    }
}
