-- A pandoc filter for rendering documents offline as an online render would show them.
--
-- An image is left out (its alternative text stays), since a renderer without network cannot fetch it, except an image
-- a badge service draws from its address alone: offline, the SVG the service would return is written beside the output
-- (IMAGE_STAND_INS names the folder) and the image points at it, so a browser prints it and pandoc embeds it in a DOCX
-- as the online image would be. Services, each drawn in its documented format:
--
--   shields.io static badges, https://img.shields.io/badge/<content>[.svg]: <content> is label-message-color or
--     message-color; "--" is a dash, "__" an underscore, "_" a space, the rest percent-encoded; ?label= replaces the
--     label. The SVG sets label and message as <text> over two coloured boxes, with the drop shadow (the same text,
--     aria-hidden, one pixel lower) of the flat and plastic styles; for-the-badge sets them in capitals.
--   readme-typing-svg, https://readme-typing-svg.demolab.com/?lines=a;b;…: each line is a <text> on a <textPath>
--     whose path an SMIL animation draws out and wipes in turn (the service's single-line template), so a print taken
--     when the page has loaded shows what the animation shows then.
--
-- Other image services (skillicons.dev, stats cards) draw pictures, not text, and are left out like any image.

local folder = os.getenv("IMAGE_STAND_INS")

local function decode(text, plus)
  if plus then
    text = text:gsub("%+", " ")
  end
  return (text:gsub("%%(%x%x)", function(hex) return string.char(tonumber(hex, 16)) end))
end

local function escape(text)
  return (text:gsub("&", "&amp;"):gsub("<", "&lt;"):gsub(">", "&gt;"):gsub('"', "&quot;"):gsub("'", "&apos;"))
end

local function query(address)
  local values = {}
  local q = address:match("%?(.*)$") or ""
  for pair in q:gmatch("[^&]+") do
    local key, value = pair:match("^([^=]*)=?(.*)$")
    values[decode(key, true)] = decode(value, true)
  end
  return values
end

-- The badge's parts: "--" and "__" are kept aside while the content is split at single dashes.
local function badge_parts(content)
  content = content:gsub("%.svg$", ""):gsub("%.png$", "")
  content = content:gsub("%-%-", "\1"):gsub("__", "\2")
  local parts = {}
  for part in (content .. "-"):gmatch("([^-]*)%-") do
    part = part:gsub("_", " "):gsub("\1", "-"):gsub("\2", "_")
    parts[#parts + 1] = decode(part, false)
  end
  return parts
end

local function shields(address)
  local content = address:match("^https?://img%.shields%.io/badge/([^?#]+)")
  if not content then
    return nil
  end
  local parts = badge_parts(content)
  local options = query(address)
  local label, message, color
  if #parts >= 3 then
    label, message, color = parts[1], table.concat(parts, "-", 2, #parts - 1), parts[#parts]
  elseif #parts == 2 then
    label, message, color = "", parts[1], parts[2]
  else
    return nil
  end
  label = options.label or label
  local style = options.style or "flat"
  if style == "for-the-badge" then
    label, message = label:upper(), message:upper()
  end
  local shadow = style == "flat" or style == "plastic"
  local fill = color:match("^%x+$") and ("#" .. color) or color
  local lw = label == "" and 0 or (#label * 7 + 10)
  local mw = #message * 7 + 10
  local out = {
    string.format('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="20" role="img" aria-label="%s">', lw + mw,
      escape(label == "" and message or (label .. ": " .. message))),
    string.format('<title>%s</title>', escape(label == "" and message or (label .. ": " .. message))),
    string.format('<rect width="%d" height="20" fill="#555"/><rect x="%d" width="%d" height="20" fill="%s"/>', lw, lw, mw, escape(fill)),
    '<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">',
  }
  for _, piece in ipairs({ { label, lw / 2 }, { message, lw + mw / 2 } }) do
    if piece[1] ~= "" then
      if shadow then
        out[#out + 1] = string.format('<text aria-hidden="true" x="%g" y="15" fill="#010101" fill-opacity=".3">%s</text>', piece[2], escape(piece[1]))
      end
      out[#out + 1] = string.format('<text x="%g" y="14">%s</text>', piece[2], escape(piece[1]))
    end
  end
  out[#out + 1] = "</g></svg>"
  return table.concat(out, "\n")
end

local function typing(address)
  if not address:match("^https?://readme%-typing%-svg%.[%w.]+/?%??") then
    return nil
  end
  local o = query(address)
  local lines = {}
  for line in ((o.lines or "") .. (o.separator or ";")):gmatch("(.-)" .. (o.separator or ";"):gsub("%p", "%%%0")) do
    lines[#lines + 1] = line
  end
  if #lines == 0 then
    return nil
  end
  local width, height, size = tonumber(o.width) or 400, tonumber(o.height) or 50, tonumber(o.size) or 20
  local duration, pause = tonumber(o.duration) or 5000, tonumber(o.pause) or 0
  local center, middle = o.center == "true", o.vCenter == "true"
  local out = {
    string.format("<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' viewBox='0 0 %d %d' width='%dpx' height='%dpx'>", width, height, width, height),
  }
  local y = height / 2
  for i, line in ipairs(lines) do
    local begin = i == 1 and string.format("0s;d%d.end", #lines - 1) or string.format("d%d.end", i - 2)
    out[#out + 1] = string.format(
      "<path id='path%d'><animate id='d%d' attributeName='d' begin='%s' dur='%dms' fill='remove' values='m0,%g h0 ; m0,%g h%d ; m0,%g h%d ; m0,%g h0' keyTimes='0;%g;%g;1' /></path>",
      i - 1, i - 1, begin, duration + pause, y, y, width, y, width, y,
      0.8 * duration / (duration + pause), (0.8 * duration + pause) / (duration + pause))
    out[#out + 1] = string.format(
      "<text font-family='\"%s\", monospace' fill='#%s' font-size='%d' dominant-baseline='%s' x='%s' text-anchor='%s'><textPath xlink:href='#path%d'>%s</textPath></text>",
      escape(o.font or "monospace"), escape(o.color or "36BCF7"), size, middle and "middle" or "auto",
      center and "50%" or "0%", center and "middle" or "start", i - 1, escape(line))
  end
  out[#out + 1] = "</svg>"
  return table.concat(out, "\n")
end

function Image(el)
  local svg = folder and (shields(el.src) or typing(el.src))
  if not svg then
    return el.caption
  end
  local path = folder .. "/" .. pandoc.utils.sha1(el.src) .. ".svg"
  local file = io.open(path, "w")
  file:write(svg)
  file:close()
  el.src = path
  return el
end
