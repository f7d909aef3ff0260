<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<h1>Hello, Nex</h1>

<h2>A counter in a @PageScoped bean</h2>
<p>
  <%@ include file="count.jsp" %>
  <button id="increment" hx-post="${mvc.basePath}/increment" hx-target="#count" hx-swap="outerHTML">+1</button>
</p>

<h2>Notes in the PageStore</h2>
<form hx-post="${mvc.basePath}/notes" hx-target="#notes" hx-swap="outerHTML">
  <input id="note" name="note" maxlength="200" autocomplete="off" aria-label="Note">
  <button id="add" type="submit">Add</button>
</form>
<p id="error" role="alert"></p>
<%@ include file="notes.jsp" %>
<p>Notes: <span id="note-count" hx-get="${mvc.basePath}/notes/count" hx-trigger="notes-changed from:body">${notes.size()}</span></p>

<p>Open this page in a second tab, or reload it: every page load is a new page with its own state.</p>
