<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<h1 id="title">Nex for Jakarta EE</h1>
<p>Server-side state for each browser tab: it survives the tab's htmx actions, stays apart from other tabs,
   and starts afresh when you reload. Try it:</p>
<ul>
  <li><a href="${mvc.basePath}/cart" hx-boost="true">Cart</a>: the page store (add items, then reload)</li>
  <li><a href="${mvc.basePath}/counter" hx-boost="true">Counter</a>: a <code>@PageScoped</code> bean</li>
  <li><a href="${mvc.basePath}/wizard" hx-boost="true">Wizard</a>: form data kept across steps</li>
  <li><a href="${mvc.basePath}/import" hx-boost="true">Import</a>: long work that reports its progress to its tab</li>
</ul>
