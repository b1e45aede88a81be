-- A second, independent LSP client: Neovim's built-in one, headless. Opens the file given in TRANSLINT_FILE,
-- starts `translint lsp` for it, waits for diagnostics and writes them (one "line:col:code" per line, 0-based)
-- to TRANSLINT_OUT. vim.lsp.start_client works from Neovim 0.7 (Debian 12's); 0.8+ also has vim.lsp.start.
local binary, file, out = os.getenv("TRANSLINT"), os.getenv("TRANSLINT_FILE"), os.getenv("TRANSLINT_OUT")
vim.cmd("edit " .. vim.fn.fnameescape(file))
local client = vim.lsp.start_client({
  name = "translint",
  cmd = { binary, "lsp" },
  root_dir = vim.fn.fnamemodify(file, ":p:h"),
})
vim.lsp.buf_attach_client(0, client)
local ok = vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local lines = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(lines, string.format("%d:%d:%s", d.lnum, d.col, d.code or d.user_data and d.user_data.lsp and d.user_data.lsp.code or "?"))
end
table.sort(lines)
local handle = io.open(out, "w")
handle:write(ok and table.concat(lines, "\n") .. "\n" or "timeout\n")
handle:close()
vim.lsp.stop_client(client)
vim.cmd("qall!")
