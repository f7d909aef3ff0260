<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<h1 id="title">Import</h1>
<div hx-ext="sse" sse-connect="${nexPage.streamUrl}">
  <div id="progress" sse-swap="progress">Not started</div>
  <div id="outcome" sse-swap="result"></div>
</div>
<button id="start" hx-post="${mvc.basePath}/import/start" hx-target="#state">Import</button>
<span id="state"></span>
<p>Start it in two tabs: each tab sees its own import.</p>
