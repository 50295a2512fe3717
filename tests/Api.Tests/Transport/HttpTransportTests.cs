using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Sora.Api.Execution;
using Sora.Api.Tests.Infrastructure;

namespace Sora.Api.Tests.Transport;

/// <summary>GraphQL over HTTP, driven by Node's fetch against a real Kestrel host.</summary>
public sealed class HttpTransportTests(SoraTestServer server) : IClassFixture<SoraTestServer>
{
    private const string GraphQLResponse = "application/graphql-response+json";

    private Task<JsonElement> PostAsync(object body, Dictionary<string, string>? headers = null) =>
        NodeProbe.RunAsync(new
        {
            kind = "fetch",
            url = server.GraphQLUrl,
            method = "POST",
            headers = headers ?? new Dictionary<string, string> { ["content-type"] = "application/json" },
            body = body as string ?? JsonSerializer.Serialize(body),
        });

    private static Dictionary<string, string> Json(params (string Name, string Value)[] extra)
    {
        var headers = new Dictionary<string, string> { ["content-type"] = "application/json" };
        foreach (var (name, value) in extra) headers[name] = value;
        return headers;
    }

    private static string FirstErrorCode(JsonElement response) =>
        response.GetProperty("json").GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;

    [Fact]
    public async Task Health_is_ok_with_one_silo_and_the_graphql_response_media_type()
    {
        var response = await PostAsync(new { query = "{ health { status version mode cluster { silos } } }" });

        Assert.Equal(200, response.GetProperty("status").GetInt32());
        Assert.StartsWith(GraphQLResponse, response.GetProperty("contentType").GetString());
        var health = response.GetProperty("json").GetProperty("data").GetProperty("health");
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal("embedded", health.GetProperty("mode").GetString());
        Assert.Equal(1, health.GetProperty("cluster").GetProperty("silos").GetInt32());
    }

    [Fact]
    public async Task A_query_can_be_sent_with_GET_but_a_mutation_cannot()
    {
        var query = await NodeProbe.RunAsync(new { kind = "fetch", method = "GET", url = server.GraphQLUrl + "?query=" + Uri.EscapeDataString("{ health { status } }") });
        Assert.Equal(200, query.GetProperty("status").GetInt32());
        Assert.Equal("ok", query.GetProperty("json").GetProperty("data").GetProperty("health").GetProperty("status").GetString());

        var mutation = await NodeProbe.RunAsync(new
        {
            kind = "fetch", method = "GET",
            url = server.GraphQLUrl + "?query=" + Uri.EscapeDataString("mutation { announce(message: \"hi\") { sequence } }"),
        });
        Assert.Equal(405, mutation.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_syntax_error_is_a_400_with_a_code_and_no_stack_trace()
    {
        var response = await PostAsync(new { query = "{ health { status " });

        Assert.Equal(400, response.GetProperty("status").GetInt32());
        Assert.Equal("SYNTAX_ERROR", FirstErrorCode(response));
        Assert.DoesNotContain(" at Sora.", response.GetProperty("json").GetRawText());
    }

    [Fact]
    public async Task Plain_json_clients_get_200_for_an_invalid_query()
    {
        var response = await PostAsync(new { query = "{ nope }" }, Json(("accept", "application/json")));

        Assert.Equal(200, response.GetProperty("status").GetInt32());
        Assert.StartsWith("application/json", response.GetProperty("contentType").GetString());
        Assert.True(response.GetProperty("json").GetProperty("errors").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Malformed_json_is_a_400()
    {
        var response = await PostAsync("{\"query\": ", Json());

        Assert.Equal(400, response.GetProperty("status").GetInt32());
        Assert.Contains("not valid", response.GetProperty("json").GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("{\"query\": 5}", "'query' must be a string")]
    [InlineData("{\"query\": \"{ health { status } }\", \"operationName\": 5}", "'operationName' must be a string or null")]
    [InlineData("{\"query\": \"{ health { status } }\", \"variables\": \"abc\"}", "'variables' must be a JSON object or null")]
    [InlineData("", "The request body is empty")]
    [InlineData("{\"query\": \"x\",,}", "not valid JSON (line 1")]
    public async Task A_malformed_request_says_what_is_wrong_in_the_protocols_words(string body, string expected)
    {
        var response = await PostAsync(body, Json());

        Assert.Equal(400, response.GetProperty("status").GetInt32());
        Assert.Equal("BAD_USER_INPUT", FirstErrorCode(response));
        var message = response.GetProperty("json").GetProperty("errors")[0].GetProperty("message").GetString()!;
        Assert.Contains(expected, message);
        Assert.DoesNotContain("GraphQL.", message);
        Assert.DoesNotContain("isFinalBlock", message);
    }

    [Fact]
    public async Task Refused_methods_and_media_types_carry_a_code_too()
    {
        var put = await NodeProbe.RunAsync(new { kind = "fetch", method = "PUT", url = server.GraphQLUrl, body = "{}" });
        var xml = await PostAsync(new { query = "{ health { status } }" }, Json(("accept", "application/xml")));

        Assert.Equal((405, "METHOD_NOT_ALLOWED"), (put.GetProperty("status").GetInt32(), FirstErrorCode(put)));
        Assert.Equal((406, "NOT_ACCEPTABLE"), (xml.GetProperty("status").GetInt32(), FirstErrorCode(xml)));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415()
    {
        var response = await PostAsync("query { health { status } }", new Dictionary<string, string> { ["content-type"] = "text/plain" });
        Assert.Equal(415, response.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task An_oversized_request_is_a_413()
    {
        var response = await PostAsync(new { query = "{ health { status } }", variables = new { padding = new string('x', 100_000) } });
        Assert.Equal(413, response.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Other_methods_are_a_405_that_names_the_allowed_ones()
    {
        var response = await NodeProbe.RunAsync(new { kind = "fetch", method = "PUT", url = server.GraphQLUrl, body = "{}" });

        Assert.Equal(405, response.GetProperty("status").GetInt32());
        Assert.Equal("GET, POST", response.GetProperty("allow").GetString());
    }

    [Fact]
    public async Task Too_deep_a_query_is_refused_before_it_runs()
    {
        var levels = 14;
        var deep = "{ __schema { types { fields { type { " + string.Concat(Enumerable.Repeat("ofType { ", levels)) + "name"
            + string.Concat(Enumerable.Repeat(" }", levels)) + " } } } } }";
        var response = await PostAsync(new { query = deep });

        Assert.Equal(400, response.GetProperty("status").GetInt32());
        Assert.Contains("depth", response.GetProperty("json").GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_query_that_ran_is_kept_parsed_for_the_next_request_and_one_that_failed_validation_is_not()
    {
        var cache = server.Services.GetRequiredService<ParsedDocumentCache>();
        const string query = "{ health { status mode } }";
        Assert.Equal(200, (await PostAsync(new { query })).GetProperty("status").GetInt32());
        Assert.NotNull(cache.Find(query));
        var again = await PostAsync(new { query });
        Assert.Equal("ok", again.GetProperty("json").GetProperty("data").GetProperty("health").GetProperty("status").GetString());

        const string invalid = "{ health { nope } }";
        Assert.Equal(400, (await PostAsync(new { query = invalid })).GetProperty("status").GetInt32());
        Assert.Null(cache.Find(invalid));
        const string broken = "{ health { status ";
        Assert.Equal(400, (await PostAsync(new { query = broken })).GetProperty("status").GetInt32());
        Assert.Null(cache.Find(broken));
    }

    [Fact]
    public async Task A_query_that_ran_before_is_still_held_to_the_limits_when_its_variables_make_it_too_complex()
    {
        const string query = "query($n: Int = 1) { userVideos(handle: \"nobody_here\", first: $n) { edges { node { "
            + "remixes(first: $n) { edges { node { comments(first: $n) { edges { node { text } } } } } } } } } }";

        // Without variables it is small; the second time it is served from the document cache.
        for (var i = 0; i < 2; i++)
            Assert.Equal("NOT_FOUND", FirstErrorCode(await PostAsync(new { query })));

        var tooComplex = await PostAsync(new { query, variables = new { n = 100 } });
        Assert.Equal(400, tooComplex.GetProperty("status").GetInt32());
        Assert.Contains("complex", tooComplex.GetProperty("json").GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);

        Assert.Equal("NOT_FOUND", FirstErrorCode(await PostAsync(new { query })));
    }

    [Fact]
    public async Task A_document_that_ran_over_POST_still_may_not_carry_a_mutation_over_GET()
    {
        const string document = "query Read { health { status } } mutation Write { announce(message: \"hi\") { sequence } }";
        var read = await PostAsync(new { query = document, operationName = "Read" });
        Assert.Equal("ok", read.GetProperty("json").GetProperty("data").GetProperty("health").GetProperty("status").GetString());

        var url = $"{server.GraphQLUrl}?query={Uri.EscapeDataString(document)}&operationName=Write";
        var write = await NodeProbe.RunAsync(new { kind = "fetch", url, method = "GET", headers = new Dictionary<string, string>() });
        Assert.Equal(405, write.GetProperty("status").GetInt32());
        var readOverGet = await NodeProbe.RunAsync(new { kind = "fetch", url = url.Replace("=Write", "=Read"), method = "GET", headers = new Dictionary<string, string>() });
        Assert.Equal(200, readOverGet.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Too_complex_a_query_is_refused_before_it_runs()
    {
        // Few fields as written, but each alias asks for a page of 100 videos with their creators.
        var aliases = string.Join(" ", Enumerable.Range(0, 20).Select(i => $"v{i}: userVideos(handle: \"nobody_here\", first: 100) {{ edges {{ node {{ id creator {{ handle }} }} }} }}"));
        var response = await PostAsync(new { query = "{ " + aliases + " }" });

        Assert.Equal(400, response.GetProperty("status").GetInt32());
        Assert.Contains("complex", response.GetProperty("json").GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_document_repeating_one_field_thousands_of_times_is_refused_before_it_is_validated()
    {
        var repeated = await PostAsync(new { query = "{" + string.Concat(Enumerable.Repeat("me{id}", 9000)) + "}" });
        var directives = await PostAsync(new { query = "{ health" + string.Concat(Enumerable.Repeat(" @include(if: true)", 3000)) + " { status } }" });

        foreach (var response in new[] { repeated, directives })
        {
            Assert.Equal(400, response.GetProperty("status").GetInt32());
            Assert.Equal(GraphQLRequestExecutor.DocumentTooLarge, FirstErrorCode(response));
            Assert.Single(response.GetProperty("json").GetProperty("errors").EnumerateArray());
        }
    }

    [Fact]
    public async Task A_document_nested_deeper_than_the_parser_reads_is_refused_with_a_reason()
    {
        var nested = string.Concat(Enumerable.Repeat("[", 200)) + "1" + string.Concat(Enumerable.Repeat("]", 200));
        var response = await PostAsync(new { query = "{ recentServerEvents(last: " + nested + ") { sequence } }" });

        Assert.Equal(400, response.GetProperty("status").GetInt32());
        Assert.Equal(GraphQLRequestExecutor.DocumentTooLarge, FirstErrorCode(response));
        Assert.Contains("nested too deeply", response.GetProperty("json").GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_subscription_over_http_is_refused_with_a_pointer_to_the_websocket()
    {
        var response = await PostAsync(new { query = "subscription { serverEvents { sequence } }" });

        Assert.Equal(400, response.GetProperty("status").GetInt32());
        Assert.Equal("SUBSCRIPTION_NEEDS_WEBSOCKET", FirstErrorCode(response));
    }

    [Fact]
    public async Task A_wrong_token_is_unauthenticated()
    {
        var response = await PostAsync(new { query = "{ health { status } }" }, Json(("authorization", "Bearer sora_op_forged")));

        Assert.Equal(401, response.GetProperty("status").GetInt32());
        Assert.Equal("UNAUTHENTICATED", FirstErrorCode(response));
    }

    [Fact]
    public async Task Only_operators_may_announce()
    {
        var response = await PostAsync(new { query = "mutation { announce(message: \"hello\") { sequence } }" });

        Assert.Equal(200, response.GetProperty("status").GetInt32());
        Assert.Equal("FORBIDDEN", FirstErrorCode(response));
    }

    [Fact]
    public async Task An_empty_announcement_is_bad_input_naming_the_field()
    {
        var response = await PostAsync(
            new { query = "mutation($m: String!) { announce(message: $m) { sequence } }", variables = new { m = "" } },
            Json(("authorization", "Bearer " + server.OperatorToken)));

        var error = response.GetProperty("json").GetProperty("errors")[0];
        Assert.Equal("BAD_USER_INPUT", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("message", error.GetProperty("extensions").GetProperty("field").GetString());
    }
}
