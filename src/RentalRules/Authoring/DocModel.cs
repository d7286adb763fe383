namespace RentalRules.Authoring;

/// <summary>
/// A small document model for readable renderings (the pack document): headings, paragraphs, definition lists, tables
/// and lists of plain text. Built once, written by <see cref="DocMarkdownWriter"/> and <see cref="DocHtmlWriter"/>, so
/// the two formats say the same. Text is plain (writers escape it); <c>Code</c> marks text shown as written.
/// </summary>
internal abstract record DocBlock;

/// <summary>A heading; <paramref name="Anchor"/> is a stable id to link to (e.g. a clause).</summary>
internal sealed record DocHeading(int Level, string Text, string? Anchor = null) : DocBlock;

/// <summary>A paragraph of inline pieces.</summary>
internal sealed record DocParagraph(IReadOnlyList<DocInline> Inlines) : DocBlock
{
    public DocParagraph(string text)
        : this([new DocInline(text)])
    {
    }
}

/// <summary>Label–value pairs (metadata).</summary>
internal sealed record DocFields(IReadOnlyList<(string Label, IReadOnlyList<DocInline> Value)> Items) : DocBlock;

/// <summary>A table; a row may be marked (e.g. changed by a draft).</summary>
internal sealed record DocTable(IReadOnlyList<string> Headers, IReadOnlyList<DocRow> Rows) : DocBlock;

/// <summary>A bulleted list.</summary>
internal sealed record DocList(IReadOnlyList<IReadOnlyList<DocInline>> Items) : DocBlock;

/// <summary>A table row: cells of inline pieces, and a mark (<c>added</c>, <c>changed</c>, … or <c>null</c>).</summary>
internal sealed record DocRow(IReadOnlyList<IReadOnlyList<DocInline>> Cells, string? Mark = null);

/// <summary>Inline text: plain, code (shown as written) or strong; <paramref name="Mark"/> flags a draft's change.</summary>
internal sealed record DocInline(string Text, bool Code = false, bool Strong = false, string? Mark = null);
