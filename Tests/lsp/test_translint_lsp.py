"""End-to-end tests of `translint lsp` through a real LSP client library (pytest-lsp, on pygls).

Run by Tests/lsp/run.sh (and .ci/run) with the translint binary in TRANSLINT; each test gets a fresh workspace
folder with a .translint.yml and a glossary of its own, so that changing the glossary on disk is seen.
"""

import asyncio
import os
import pathlib

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams, JsonRpcRequestCancelled
from pytest_lsp import ClientServerConfig, LanguageClient

TRANSLINT = os.environ.get("TRANSLINT", str(pathlib.Path(__file__).parents[2] / ".build/debug/translint"))

GLOSSARY = """version: 1
source_language: zh-Hans
target_language: en
terms:
  - source: 淘宝
    target: Taobao
    forbidden: [Amoy]
    note: Amoy is the old name of Xiamen
    examples:
      - text: Sellers on Amoy grew.
        fixed: Sellers on Taobao grew.
"""

# Emoji (two UTF-16 code units, four UTF-8 bytes) and CJK (one unit, three bytes) before the findings.
MARKDOWN = "# 新闻 😀\n\n😀 淘宝 sellers on Amoy grew. the price fell.\n"

PO = """msgid ""
msgstr ""
"Language: en\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Delete %s?"
msgstr "Delete the file?"

msgid "Open the shop"
msgstr "Open the Amoy shop"
"""


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@pytest.fixture
def workspace(tmp_path: pathlib.Path) -> pathlib.Path:
    (tmp_path / ".translint.yml").write_text("glossaries: [glossary.yaml]\n")
    (tmp_path / "glossary.yaml").write_text(GLOSSARY)
    (tmp_path / "news.md").write_text(MARKDOWN)
    (tmp_path / "app.po").write_text(PO)
    return tmp_path


def capabilities(encodings=None) -> types.ClientCapabilities:
    general = types.GeneralClientCapabilities(position_encodings=encodings) if encodings else None
    return types.ClientCapabilities(
        general=general,
        workspace=types.WorkspaceClientCapabilities(
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)
        ),
        text_document=types.TextDocumentClientCapabilities(
            code_action=types.CodeActionClientCapabilities(
                code_action_literal_support=types.ClientCodeActionLiteralOptions(
                    code_action_kind=types.ClientCodeActionKindOptions(value_set=["quickfix", "source.fixAll"])
                )
            ),
            hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
            publish_diagnostics=types.PublishDiagnosticsClientCapabilities(),
        ),
    )


def accept_registrations(client: LanguageClient):
    """What editors do with `client/registerCapability`: keep the registrations (the watched files)."""
    client.registrations = []

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams):
        client.registrations.extend(params.registrations)


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[TRANSLINT, "lsp"]))
async def client(lsp_client: LanguageClient):
    accept_registrations(lsp_client)
    await lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities()))
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[TRANSLINT, "lsp"]))
async def utf8_client(lsp_client: LanguageClient):
    accept_registrations(lsp_client)
    await lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities(["utf-8", "utf-16"])))
    yield
    await lsp_client.shutdown_session()


async def open_document(client: LanguageClient, path: pathlib.Path, language: str, version: int = 1):
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=version, text=path.read_text())
        )
    )
    await diagnostics_for(client, uri)
    return uri


async def diagnostics_for(client: LanguageClient, uri: str, timeout: float = 20):
    """Waits for the next diagnostics published for `uri`."""
    client.diagnostics.pop(uri, None)

    async def wait():
        while uri not in client.diagnostics:
            await client.wait_for_notification("textDocument/publishDiagnostics")

    await asyncio.wait_for(wait(), timeout)
    return client.diagnostics[uri]


def by_rule(diagnostics, rule):
    return [d for d in diagnostics if d.code == rule]


def apply_edits(text: str, edits) -> str:
    """Applies LSP text edits (UTF-16 positions) to `text`, last first."""
    lines = text.split("\n")

    def offset(position):
        before = "\n".join(lines[: position.line]) + ("\n" if position.line else "")
        line = lines[position.line] if position.line < len(lines) else ""
        units, chars = 0, 0
        while chars < len(line) and units < position.character:
            units += utf16_len(line[chars])
            chars += 1
        return len(before) + chars

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        start, end = offset(edit.range.start), offset(edit.range.end)
        text = text[:start] + edit.new_text + text[end:]
        lines = text.split("\n")
    return text


async def test_initialize_announces_what_the_server_does(client: LanguageClient):
    # initialize_session ran in the fixture; the server answers requests after it.
    result = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri="file:///nowhere.md"), position=types.Position(line=0, character=0))
    )
    assert result is None


async def test_markdown_diagnostics_have_utf16_ranges(client: LanguageClient, workspace: pathlib.Path):
    uri = await open_document(client, workspace / "news.md", "markdown")
    diagnostics = client.diagnostics[uri]
    line = MARKDOWN.split("\n")[2]
    (amoy,) = by_rule(diagnostics, "mistranslation")
    start = utf16_len(line[: line.index("Amoy")])
    assert (amoy.range.start.line, amoy.range.start.character, amoy.range.end.character) == (2, start, start + 4)
    assert amoy.severity == types.DiagnosticSeverity.Error and amoy.source == "translint"
    assert "Taobao" in amoy.message and amoy.code_description.href.endswith("#rule-mistranslation")
    (lower,) = by_rule(diagnostics, "sentence-case")
    assert lower.range.start == types.Position(line=2, character=utf16_len(line[: line.index("the price")]))


async def test_utf8_positions_when_the_client_offers_them(utf8_client: LanguageClient, workspace: pathlib.Path):
    uri = await open_document(utf8_client, workspace / "news.md", "markdown")
    (amoy,) = by_rule(utf8_client.diagnostics[uri], "mistranslation")
    line = MARKDOWN.split("\n")[2]
    start = len(line[: line.index("Amoy")].encode("utf-8"))
    assert (amoy.range.start.character, amoy.range.end.character) == (start, start + 4)


async def test_po_diagnostics_land_on_the_target_text(client: LanguageClient, workspace: pathlib.Path):
    uri = await open_document(client, workspace / "app.po", "po")
    diagnostics = client.diagnostics[uri]
    lines = PO.split("\n")
    (placeholder,) = by_rule(diagnostics, "placeholder-mismatch")
    assert lines[placeholder.range.start.line].startswith("msgstr")
    (amoy,) = by_rule(diagnostics, "mistranslation")
    target = lines.index('msgstr "Open the Amoy shop"')
    assert (amoy.range.start.line, amoy.range.start.character) == (target, lines[target].index("Amoy"))


async def test_quick_fix_then_clean(client: LanguageClient, workspace: pathlib.Path):
    uri = await open_document(client, workspace / "news.md", "markdown")
    (amoy,) = by_rule(client.diagnostics[uri], "mistranslation")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=amoy.range,
            context=types.CodeActionContext(diagnostics=[amoy], only=[types.CodeActionKind.QuickFix]),
        )
    )
    titles = [a.title for a in actions]
    fix = next(a for a in actions if a.is_preferred)
    assert "Taobao" in fix.title and any(t.startswith("Suppress mistranslation") for t in titles)
    edits = fix.edit.changes[uri]
    assert len(edits) == 1 and edits[0].new_text == "Taobao"
    # Send the edit back as an incremental change, as an editor does.
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangePartial(range=edits[0].range, text=edits[0].new_text)],
        )
    )
    diagnostics = await diagnostics_for(client, uri)
    assert by_rule(diagnostics, "mistranslation") == []
    assert len(by_rule(diagnostics, "sentence-case")) == 1


async def test_fix_all_applies_every_safe_fix(client: LanguageClient, workspace: pathlib.Path):
    uri = await open_document(client, workspace / "news.md", "markdown")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
            context=types.CodeActionContext(diagnostics=[], only=["source.fixAll"]),
        )
    )
    (fix_all,) = actions
    assert fix_all.kind == "source.fixAll.translint"
    fixed = apply_edits(MARKDOWN, fix_all.edit.changes[uri])
    assert fixed == "# 新闻 😀\n\n😀 淘宝 sellers on Taobao grew. The price fell.\n"
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)],
        )
    )
    assert list(await diagnostics_for(client, uri)) == []


async def test_hover_shows_the_rule_and_the_glossary_entry(client: LanguageClient, workspace: pathlib.Path):
    uri = await open_document(client, workspace / "news.md", "markdown")
    (amoy,) = by_rule(client.diagnostics[uri], "mistranslation")
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=amoy.range.start)
    )
    text = hover.contents.value
    assert "`mistranslation`" in text and "淘宝 → **Taobao**" in text and "Amoy is the old name of Xiamen" in text
    assert "glossary.yaml:5" in text
    assert hover.range == amoy.range


async def test_a_changed_glossary_on_disk_changes_the_diagnostics(client: LanguageClient, workspace: pathlib.Path):
    uri = await open_document(client, workspace / "news.md", "markdown")
    assert len(by_rule(client.diagnostics[uri], "mistranslation")) == 1
    watched = [w["globPattern"] for r in client.registrations for w in r.register_options["watchers"]]
    assert "**/.translint.yml" in watched and "**/*.yaml" in watched
    glossary = workspace / "glossary.yaml"
    glossary.write_text(GLOSSARY.replace("forbidden: [Amoy]", "forbidden: [Amoy, price]").replace(
        "        fixed: Sellers on Taobao grew.\n", "        fixed: Sellers on Taobao grew.\n      - text: The price fell.\n        fixed: The Taobao fell.\n"))
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=glossary.as_uri(), type=types.FileChangeType.Changed)])
    )
    diagnostics = await diagnostics_for(client, uri)
    assert sorted(client_text(d, MARKDOWN) for d in by_rule(diagnostics, "mistranslation")) == ["Amoy", "price"]


def client_text(diagnostic, text):
    line = text.split("\n")[diagnostic.range.start.line]
    units, start = 0, None
    for i, ch in enumerate(line):
        if units == diagnostic.range.start.character:
            start = i
        if units == diagnostic.range.end.character:
            return line[start:i]
        units += utf16_len(ch)
    return line[start:]


async def test_a_broken_configuration_is_a_diagnostic_and_a_message(client: LanguageClient, workspace: pathlib.Path):
    (workspace / ".translint.yml").write_text("glossaries: [glossary.yaml]\nrulez: {}\n")
    uri = await open_document(client, workspace / "news.md", "markdown")
    (problem,) = client.diagnostics[uri]
    assert problem.code == "configuration" and "rulez" in problem.message
    assert any("rulez" in m.message for m in client.messages)
    # The server keeps serving: mended and reported as changed, the findings come back.
    (workspace / ".translint.yml").write_text("glossaries: [glossary.yaml]\n")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=(workspace / ".translint.yml").as_uri(), type=types.FileChangeType.Changed)])
    )
    assert len(by_rule(await diagnostics_for(client, uri), "mistranslation")) == 1


async def test_a_translation_paired_with_its_source_gets_the_bilingual_checks(client: LanguageClient, workspace: pathlib.Path):
    (workspace / ".translint.yml").write_text(
        'glossaries: [glossary.yaml]\nsources:\n  - translation: "en/**/*.md"\n    source: "zh/{rest}"\n')
    (workspace / "zh").mkdir()
    (workspace / "en").mkdir()
    (workspace / "zh/news.md").write_text("# 新闻\n\n淘宝的销售额增长了2亿元。\n")
    (workspace / "en/news.md").write_text("# News\n\nTaobao's sales grew by 20 million yuan.\n")
    uri = await open_document(client, workspace / "en/news.md", "markdown")
    (mismatch,) = by_rule(client.diagnostics[uri], "number-mismatch")
    assert mismatch.range.start.line == 2
    # The source open in the editor is read as typed, and the translation is checked again when it changes.
    source = workspace / "zh/news.md"
    await open_document(client, source, "markdown")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=source.as_uri(), version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text="# 新闻\n\n淘宝的销售额增长了2000万元。\n")],
        )
    )
    assert by_rule(await diagnostics_for(client, uri), "number-mismatch") == []


async def test_add_to_glossary_writes_the_whole_word_and_silences_it(client: LanguageClient, workspace: pathlib.Path):
    page = workspace / "setup.md"
    page.write_text("# Setup\n\nnpm install works.\n")
    uri = await open_document(client, page, "markdown")
    (lower,) = by_rule(client.diagnostics[uri], "sentence-case")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(text_document=types.TextDocumentIdentifier(uri=uri), range=lower.range,
                               context=types.CodeActionContext(diagnostics=[lower]))
    )
    (add,) = [a for a in actions if a.title.startswith("Add ")]
    assert add.title == "Add 'npm' to the glossary (glossary.yaml)"
    glossary = workspace / "glossary.yaml"
    (edit,) = add.edit.changes[glossary.as_uri()]
    assert "target: npm" in edit.new_text and "case_sensitive: true" in edit.new_text
    glossary.write_text(apply_edits(glossary.read_text(), [edit]))
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=glossary.as_uri(), type=types.FileChangeType.Changed)])
    )
    assert by_rule(await diagnostics_for(client, uri), "sentence-case") == []


async def test_other_servers_diagnostics_and_other_charsets_do_not_break_code_actions(client: LanguageClient, workspace: pathlib.Path):
    # The editor sends the text decoded: a PO header's charset is not applied again, and ranges stay in the text.
    po = workspace / "latin.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
                  'msgid "x"\nmsgstr "ééééééééé. the price fell on Amoy."\n')
    uri = await open_document(client, po, "po")
    lines = po.read_text().split("\n")
    (amoy,) = by_rule(client.diagnostics[uri], "mistranslation")
    assert (amoy.range.start.line, amoy.range.start.character) == (6, lines[6].index("Amoy"))
    foreign = types.Diagnostic(range=amoy.range, message="from another server", code=2304, source="other")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(text_document=types.TextDocumentIdentifier(uri=uri),
                               range=types.Range(start=types.Position(line=6, character=0), end=types.Position(line=7, character=0)),
                               context=types.CodeActionContext(diagnostics=[foreign, amoy]))
    )
    assert any(a.title == "Replace with 'Taobao'" for a in actions)


async def test_a_malformed_request_gets_the_jsonrpc_error_and_the_server_goes_on(client: LanguageClient, workspace: pathlib.Path):
    with pytest.raises(JsonRpcException) as unknown:
        await client.protocol.send_request_async("translint/nothing", {"textDocument": 7})
    assert unknown.value.code == -32601
    # A frame that is not JSON, and a request whose params do not fit its method, written raw (pygls would not
    # send them); the server answers both with JSON-RPC errors (checked byte for byte by LanguageServerTests) and
    # goes on serving.
    for body in [b"{not json", b'{"jsonrpc":"2.0","id":"bad","method":"textDocument/hover","params":{"textDocument":{"uri":7}}}']:
        client.protocol.writer.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
    uri = await open_document(client, workspace / "news.md", "markdown")
    assert by_rule(client.diagnostics[uri], "mistranslation")


async def test_cancellation(client: LanguageClient, workspace: pathlib.Path):
    # A large document keeps the server busy with one request while the next is queued and cancelled.
    big = workspace / "big.md"
    big.write_text("Sellers on Amoy grew. the price fell.\n\n" * 40000)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(uri=big.as_uri(), language_id="markdown", version=1, text=big.read_text()))
    )
    position = types.HoverParams(text_document=types.TextDocumentIdentifier(uri=big.as_uri()), position=types.Position(line=0, character=12))
    busy = client.protocol.send_request_async("textDocument/hover", position)
    cancelled = client.protocol.send_request_async("textDocument/hover", position, msg_id="cancel-me")
    client.cancel_request(types.CancelParams(id="cancel-me"))
    with pytest.raises(JsonRpcRequestCancelled):
        await cancelled
    assert await busy is not None


async def test_shutdown_and_exit_end_the_server(lsp_client_factory=None):
    config = ClientServerConfig(server_command=[TRANSLINT, "lsp"])
    client = await config.start()
    accept_registrations(client)
    await client.initialize_session(types.InitializeParams(capabilities=capabilities()))
    await client.shutdown_session()
    assert client._server.returncode == 0
    await client.stop()
