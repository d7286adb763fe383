using RentalRules.Compilation;
using RentalRules.Diagnostics;
using RentalRules.Evaluation;
using RentalRules.Json;

namespace RentalRules.Packs;

/// <summary>The canonical text of each rule-like item, for comparing packs.</summary>
internal sealed partial class PackReader
{
    private static readonly HashSet<string> Wording = ["note", "reason", "title", "label", "documents"];

    /// <summary>
    /// Records the canonical text of a rule-like item, so that two packs can be compared item by item: once without
    /// its wording (reasons, titles, labels, documents, notes) for what it does, and once whole for how it reads.
    /// </summary>
    private void Fingerprint(string kind, string id, JNode node, params string[] without)
    {
        var whole = node.With(properties: node.Properties.Where(p => !without.Contains(p.Name) && p.Name != "note").ToList());
        var logic = Strip(whole);
        _fingerprints[$"{kind}:{id}"] = JNodeWriter.Write(logic);
        _fingerprints[$"~wording:{kind}:{id}"] = JNodeWriter.Write(whole);
    }

    private static JNode Strip(JNode node) => node.Kind switch
    {
        JKind.Object => node.With(properties: node.Properties.Where(p => !Wording.Contains(p.Name)).Select(p => p with { Value = Strip(p.Value) }).ToList()),
        JKind.Array => node.With(items: node.Items.Select(Strip).ToList()),
        _ => node,
    };
}
