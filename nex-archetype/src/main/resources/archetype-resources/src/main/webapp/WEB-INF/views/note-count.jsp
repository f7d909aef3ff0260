<%@ page contentType="text/html;charset=UTF-8" session="false" %>${notes.size()}
