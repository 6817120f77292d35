-- Turns the handbook's HTML markers into Word (pandoc's docx writer).
--   <div class="nieuwe-pagina"></div>  ->  a page break
--   Material's admonitions (div.admonition) -> a block quote ("Block Text"), title in bold
local PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'

function Div(el)
  if el.classes:includes('nieuwe-pagina') then
    return pandoc.RawBlock('openxml', PAGE_BREAK)
  end
  if el.classes:includes('admonition') then
    local blocks = el.content
    if #blocks > 0 and blocks[1].t == 'Para' then
      blocks[1] = pandoc.Para({ pandoc.Strong(blocks[1].content) })
    end
    return pandoc.BlockQuote(blocks)
  end
end
