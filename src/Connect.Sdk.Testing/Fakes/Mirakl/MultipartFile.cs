namespace Connect.Sdk.Testing.Fakes.Mirakl;

/// <summary>Reads the part named <c>file</c> of a <c>multipart/form-data</c> body, as Mirakl's file imports take it.</summary>
internal static class MultipartFile
{
    /// <summary>The file's text, or <see langword="null"/> when the body is not multipart or has no part named <c>file</c>.</summary>
    public static string? Read(FakeCall request)
    {
        if (request.Body is not { } body
            || !request.Headers.TryGetValue("Content-Type", out var contentType)
            || !contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var marker = contentType.IndexOf("boundary=", StringComparison.OrdinalIgnoreCase);
        if (marker < 0)
        {
            return null;
        }

        var boundary = "--" + contentType[(marker + "boundary=".Length)..].Split(';')[0].Trim().Trim('"');
        foreach (var part in body.Split(boundary, StringSplitOptions.None))
        {
            var headerEnd = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (headerEnd < 0)
            {
                continue;
            }

            var headers = part[..headerEnd];
            if (headers.Contains("name=\"file\"", StringComparison.Ordinal) || headers.Contains("name=file", StringComparison.Ordinal))
            {
                var content = part[(headerEnd + 4)..];
                return content.EndsWith("\r\n", StringComparison.Ordinal) ? content[..^2] : content;
            }
        }

        return null;
    }
}
