// ECharts draws our charts as SVG and writes some of it as style attributes (text fonts, the root's
// position) with setAttribute. The Content-Security-Policy (style-src 'self') refuses style
// attributes, from markup and from setAttribute alike, but not the same declarations set through
// the CSSOM. So for SVG elements, and only from scripts (markup never comes here), a style
// attribute is set through element.style instead. This opens nothing to injected markup: any
// script of ours could set element.style anyway.
// Charts' tooltips are drawn inside the SVG for the same reason (renderMode "richText"): ECharts'
// HTML tooltips are markup with style attributes.
(function () {
  if (typeof SVGElement === "undefined") {
    return;
  }
  var setAttribute = Element.prototype.setAttribute;
  SVGElement.prototype.setAttribute = function (name, value) {
    if (String(name).toLowerCase() === "style") {
      this.style.cssText = String(value);
      return;
    }
    setAttribute.call(this, name, value);
  };
})();
